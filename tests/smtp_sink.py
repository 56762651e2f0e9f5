"""An SMTP sink for the tests: aiosmtpd's server with a handler that writes each message it receives
to a folder, one .eml file per message, so a test can read what arrived (recipient, subject, body).

test.sh runs it as
    PYTHONPATH=tests /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.FolderSink FOLDER
and exports CLUSTERHUB_TEST_SMTP=127.0.0.1:PORT and CLUSTERHUB_TEST_SMTP_FOLDER=FOLDER.
"""
import os
import uuid


class FolderSink:
    def __init__(self, folder):
        self.folder = folder
        os.makedirs(folder, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("smtp_sink.FolderSink takes one argument: the folder to write messages to")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        # The envelope's recipients first, as a header of our own: what the server was told, not what the message says.
        head = "X-Sink-Rcpt-To: " + ", ".join(envelope.rcpt_tos) + "\r\n"
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        name = uuid.uuid4().hex
        # Written under a temporary name and renamed, so a reader never sees half a message.
        tmp = os.path.join(self.folder, name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(head.encode("ascii") + content)
        os.rename(tmp, os.path.join(self.folder, name + ".eml"))
        return "250 Message accepted for delivery"
