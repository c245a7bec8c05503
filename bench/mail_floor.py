"""The floor of `make bench-mail`: plain smtplib sending pre-built bytes, nothing else.

The same message bytes (one real newsletter message, rendered once) go to each recipient, one
SMTP connection per chunk of recipients, in as many processes as the pipeline has Celery
worker processes: what sending would cost if claiming, rendering, signing and recording cost
nothing.
"""

import multiprocessing
import smtplib
import socket
import time


def send_chunk(port, sender, recipients, message):
    with smtplib.SMTP("127.0.0.1", port, local_hostname=_HOSTNAME, timeout=60) as smtp:
        for recipient in recipients:
            smtp.sendmail(sender, [recipient], message)
    return len(recipients)


def _send_chunk(arguments):
    return send_chunk(*arguments)


def _ready(_number):
    return True


_HOSTNAME = socket.getfqdn()  # once per process, as Django's backend does (DNS_NAME)


def measure(port, *, sender, recipients, message, chunk_size, processes):
    """Send `message` to every recipient; returns the seconds it took."""
    chunks = [
        (port, sender, recipients[start : start + chunk_size], message)
        for start in range(0, len(recipients), chunk_size)
    ]
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        pool.map(_ready, range(processes))  # the processes start before the clock does
        started = time.monotonic()
        sent = sum(pool.imap_unordered(_send_chunk, chunks))
        seconds = time.monotonic() - started
    return sent, seconds
