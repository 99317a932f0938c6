"""An S3-compatible server on loopback for the media host: moto in server mode (a real HTTP S3 API:
buckets, PUT/GET/DELETE, ListObjectsV2, presigned GETs), plus a thin proxy in front of it with the
fake servers' fault injection (``status:500`` for a failed upload, ``drop-before``) so a test can
make an upload fail and see it retried.

moto: https://docs.getmoto.org/en/latest/docs/server_mode.html ;
S3 API: https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
"""

from __future__ import annotations

import logging
import re
import secrets
from typing import Any

from .base import FakeServer, Request, Response

ACCESS_KEY = "studio-test-key-id"
SECRET_KEY = "studio-test-secret-key"


class S3Server:
    """moto's S3 on 127.0.0.1 for the whole session."""

    def __init__(self) -> None:
        from moto.server import ThreadedMotoServer

        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self._server = ThreadedMotoServer("127.0.0.1", 0, verbose=False)
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.url = f"http://{host}:{port}"

    def client(self) -> Any:
        import boto3

        return boto3.client("s3", endpoint_url=self.url, region_name="us-east-1",
                            aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)

    def new_bucket(self) -> str:
        name = f"studio-media-{secrets.token_hex(4)}"
        self.client().create_bucket(Bucket=name)
        return name

    def objects(self, bucket: str) -> list[str]:
        listing = self.client().list_objects_v2(Bucket=bucket)
        return [item["Key"] for item in listing.get("Contents") or []]

    def stop(self) -> None:
        self._server.stop()


class S3Proxy(FakeServer):
    """Forwards every request to moto unless a fault is queued for it."""

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target
        for method in ("GET", "PUT", "POST", "DELETE", "HEAD"):
            self.route(method, r"/.*", self._forward)

    def start(self) -> S3Proxy:
        super().start()
        return self

    def _forward(self, request: Request, match: re.Match[str]) -> Response:
        import requests

        query = request.raw_query
        headers = {k: v for k, v in request.headers.items() if k not in ("host", "content-length", "connection")}
        answer = requests.request(request.method, f"{self.target}{request.path}" + (f"?{query}" if query else ""),
                                  data=request.body, headers=headers, timeout=30)
        keep = {k: v for k, v in answer.headers.items()
                if k.lower() in ("etag", "x-amz-request-id", "last-modified", "x-amz-version-id")}
        return Response(answer.status_code, answer.content, keep)

    def error_response(self, status: int, message: str) -> Response:
        body = (f"<?xml version='1.0' encoding='UTF-8'?><Error><Code>InternalError</Code>"
                f"<Message>{message}</Message></Error>").encode()
        return Response(status, body)
