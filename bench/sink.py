"""The SMTP sink of `make bench-mail`: aiosmtpd in a process of its own, counting.

It keeps no bodies: per message it adds one to the message count, the bytes to the byte count
and one to each envelope recipient's count, so that the harness can check that every recipient
got exactly one message. The harness talks to it over a pipe (`SinkProcess.stats()`,
`.reset()`); its own process means the sink's event loop competes with senders for the CPU
as a real mail server on the same machine would, but never with the harness's polling.
"""

import multiprocessing
import time
from collections import Counter

from .server import _free_port


class CountingHandler:
    def __init__(self):
        self.reset()

    def reset(self):
        self.messages = 0
        self.bytes = 0
        self.recipients = Counter()
        self.first_at = self.last_at = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        now = time.monotonic()
        self.first_at = self.first_at or now
        self.last_at = now
        self.messages += 1
        self.bytes += len(envelope.content)
        self.recipients.update(envelope.rcpt_tos)
        return "250 Message accepted for delivery"

    def stats(self, *, recipients=False):
        stats = {"messages": self.messages, "bytes": self.bytes, "last_at": self.last_at}
        if recipients:
            stats["recipients"] = dict(self.recipients)
        return stats


def _serve(port, pipe):
    from aiosmtpd.controller import Controller

    handler = CountingHandler()
    # server_hostname: without it aiosmtpd looks up its own name (reverse DNS) per connection
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        server_hostname="sink.bench",
        data_size_limit=0,
    )
    controller.start()
    pipe.send("ready")
    try:
        while True:
            command = pipe.recv()
            if command == "stop":
                break
            if command == "reset":
                handler.reset()
                pipe.send("ok")
            else:
                pipe.send(handler.stats(recipients=command == "recipients"))
    finally:
        controller.stop()


class SinkProcess:
    """`with SinkProcess() as sink:` an SMTP server on `sink.port` of 127.0.0.1."""

    def __init__(self):
        self.port = _free_port()
        context = multiprocessing.get_context("spawn")
        self._pipe, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(self.port, child), daemon=True)

    def __enter__(self):
        self._process.start()
        if not self._pipe.poll(30) or self._pipe.recv() != "ready":
            raise RuntimeError("the SMTP sink did not start")
        return self

    def __exit__(self, *exc_info):
        self._pipe.send("stop")
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.terminate()

    def _ask(self, command):
        self._pipe.send(command)
        return self._pipe.recv()

    def stats(self):
        """{"messages", "bytes", "last_at"} received since the last reset."""
        return self._ask("stats")

    def recipients(self):
        """{address: messages} received since the last reset."""
        return self._ask("recipients")["recipients"]

    def reset(self):
        self._ask("reset")
