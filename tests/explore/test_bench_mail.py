"""`make bench-mail`'s own parts: the counting SMTP sink and the smtplib floor."""

from bench import mail_floor, mail_report
from bench.sink import SinkProcess


def test_floor_sends_one_message_to_each_recipient_and_the_sink_counts_them():
    recipients = [f"reader{n}@example.org" for n in range(25)]
    message = b"Subject: hello\r\n\r\n" + b"x" * 100 + b"\r\n" * 10

    with SinkProcess() as sink:
        sent, seconds = mail_floor.measure(
            sink.port,
            sender="news@example.org",
            recipients=recipients,
            message=message,
            chunk_size=10,
            processes=2,
        )
        stats, received = sink.stats(), sink.recipients()
        sink.reset()
        after_reset = sink.stats()

    assert sent == 25 and seconds > 0
    assert stats["messages"] == 25 and stats["bytes"] >= 25 * 100
    assert received == dict.fromkeys(recipients, 1)
    assert after_reset["messages"] == 0


def test_report_lists_one_row_per_n(tmp_path):
    run = {
        "date": "2026-11-26",
        "n": 20000,
        "message_bytes": 2048,
        "machine": {
            "cpu": "CPU", "cores": 2, "python": "3.11", "django": "5.2", "celery": "5.7",
            "aiosmtpd": "1.4", "postgresql": "15", "redis": "7",
        },
        "settings": {"chunk_size": 500, "parallel_chunks": 2, "worker_concurrency": 2},
        "load_average": {"before": 1.0, "after": 2.0},
        "floor": {"messages_per_second": 1000.0},
        "pipeline": {"messages_per_second": 250.0, "seconds": 80.0},
        "ratio": 0.25,
    }  # fmt: skip

    section = mail_report.docs_section([run], mail_report.RESULTS_DIR / "mail-2026-11-26.json")

    assert "| 20,000 | 2.0 KiB | 1,000 | 250 | 25% | 80.0 s | 500 × 2 × 2 | 1.0 / 2.0 |" in section
