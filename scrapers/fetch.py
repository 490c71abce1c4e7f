"""A polite HTTP fetcher: robots.txt, per-host rate limit, retries with backoff (Retry-After honoured),
conditional GET, a byte cap, and redirects followed only inside the source's allowed domains.

It never raises for a URL's failure: every outcome comes back as a FetchResult, with one Attempt per
request made, so the crawler can record each of them."""
from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import requests
from tenacity import RetryError, Retrying, retry_if_exception_type, stop_after_attempt

USER_AGENT = "liangqu-crawler/0.1 (+https://github.com/liangqu/liangqu; public-records research; polite)"
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass
class Attempt:
    status: int | None
    error: str | None
    elapsed_ms: float


@dataclass
class FetchResult:
    url: str
    outcome: str  # ok | not_modified | failed | http_error | too_large | redirect_blocked | skipped_robots
    status: int | None = None
    final_url: str | None = None
    content: bytes = b""
    headers: dict = field(default_factory=dict)
    error: str | None = None
    attempts: list[Attempt] = field(default_factory=list)
    fetched_at: datetime | None = None


class _Retryable(Exception):
    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class _TooLarge(Exception):
    pass


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def host_allowed(url: str, allowed_domains: list[str] | None) -> bool:
    if not allowed_domains:
        return True
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in (d.lower() for d in allowed_domains))


class RateLimiter:
    """At most `rate` requests per second to each host (rate <= 0 or disabled: no waiting)."""

    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self._last: dict[str, float] = {}

    def wait(self, url: str, rate: float) -> None:
        host = urlsplit(url).netloc
        if self.enabled and rate and rate > 0:
            gap = 1.0 / rate - (time.monotonic() - self._last.get(host, -1e9))
            if gap > 0:
                time.sleep(gap)
        self._last[host] = time.monotonic()


class RobotsCache:
    def __init__(self, fetcher: "Fetcher"):
        self.fetcher = fetcher
        self._parsers: dict[str, object] = {}

    def allowed(self, url: str) -> bool:
        from protego import Protego

        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._parsers:
            res = self.fetcher.get(key + "/robots.txt", check_robots=False)
            if res.outcome == "ok":
                self._parsers[key] = Protego.parse(res.content.decode("utf-8", errors="replace"))
            elif res.status is not None and 400 <= res.status < 500:
                self._parsers[key] = None  # no robots.txt: everything allowed
            else:
                # robots.txt unreachable (5xx, network): assume everything is disallowed, as RFC 9309 says
                self._parsers[key] = Protego.parse("User-agent: *\nDisallow: /")
        parser = self._parsers[key]
        return parser is None or parser.can_fetch(url, self.fetcher.user_agent)


class Fetcher:
    def __init__(self, *, rate: float = 1.0, rate_limit: bool = True, timeout: float = 20.0, attempts: int = 4,
                 backoff: float = 1.0, max_backoff: float = 60.0, max_retry_after: float = 120.0,
                 max_bytes: int = 10_000_000, max_redirects: int = 5, allowed_domains: list[str] | None = None,
                 user_agent: str = USER_AGENT, session: requests.Session | None = None):
        self.rate, self.timeout, self.attempts = rate, timeout, attempts
        self.backoff, self.max_backoff, self.max_retry_after = backoff, max_backoff, max_retry_after
        self.max_bytes, self.max_redirects = max_bytes, max_redirects
        self.allowed_domains = allowed_domains
        self.user_agent = user_agent
        self.session = session or requests.Session()
        self.session.headers.update({"User-Agent": user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
                                     "Accept-Language": "zh-CN,zh;q=0.9"})
        self.limiter = RateLimiter(rate_limit)
        self.robots = RobotsCache(self)

    def close(self) -> None:
        self.session.close()

    def _wait(self, retry_state) -> float:
        exc = retry_state.outcome.exception()
        if isinstance(exc, _Retryable) and exc.retry_after is not None:
            return min(exc.retry_after, self.max_retry_after)
        n = retry_state.attempt_number
        return min(self.max_backoff, self.backoff * 2 ** (n - 1)) * (0.75 + random.random() / 2)

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            check_robots: bool = True) -> FetchResult:
        result = FetchResult(url=url, outcome="failed")
        if check_robots and not self.robots.allowed(url):
            result.outcome, result.error = "skipped_robots", "disallowed by robots.txt"
            return result
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(self.max_redirects + 1):
            if not host_allowed(current, self.allowed_domains):
                result.outcome, result.final_url = "redirect_blocked", current
                result.error = f"redirect to {current} leaves the allowed domains {self.allowed_domains}"
                return result
            try:
                resp, body = self._request_with_retries(current, headers, result)
            except RetryError as exc:
                last = exc.last_attempt.exception()
                result.outcome, result.error = "failed", f"gave up after {len(result.attempts)} attempts: {last}"
                return result
            except _TooLarge as exc:
                result.outcome, result.error, result.final_url = "too_large", str(exc), current
                return result
            except requests.RequestException as exc:  # not retryable (bad URL, TLS, …)
                result.outcome, result.error = "failed", f"{type(exc).__name__}: {exc}"
                return result
            result.status, result.final_url = resp.status_code, current
            result.headers = {k.lower(): v for k, v in resp.headers.items()}
            result.fetched_at = datetime.now(timezone.utc).replace(tzinfo=None)
            if resp.is_redirect or resp.status_code in (301, 302, 303, 307, 308):
                location = resp.headers.get("Location")
                if not location:
                    result.outcome, result.error = "http_error", f"HTTP {resp.status_code} without Location"
                    return result
                current = urljoin(current, location)
                continue
            if resp.status_code == 304:
                result.outcome = "not_modified"
                return result
            if resp.status_code >= 400:
                result.outcome, result.error = "http_error", f"HTTP {resp.status_code}"
                return result
            result.outcome, result.content = "ok", body
            return result
        result.outcome, result.error = "failed", f"more than {self.max_redirects} redirects"
        return result

    def _request_with_retries(self, url: str, headers: dict, result: FetchResult):
        retrying = Retrying(stop=stop_after_attempt(self.attempts), wait=self._wait,
                            retry=retry_if_exception_type(_Retryable), reraise=False)
        for attempt in retrying:
            with attempt:
                return self._request_once(url, headers, result)

    def _request_once(self, url: str, headers: dict, result: FetchResult):
        self.limiter.wait(url, self.rate)
        t0 = time.monotonic()
        try:
            resp = self.session.get(url, headers=headers, timeout=self.timeout, allow_redirects=False, stream=True)
        except (requests.Timeout, requests.ConnectionError) as exc:
            result.attempts.append(Attempt(None, f"{type(exc).__name__}: {exc}", (time.monotonic() - t0) * 1000))
            raise _Retryable(f"{type(exc).__name__}") from exc
        try:
            if resp.status_code in RETRY_STATUSES:
                result.attempts.append(Attempt(resp.status_code, f"HTTP {resp.status_code}", (time.monotonic() - t0) * 1000))
                raise _Retryable(f"HTTP {resp.status_code}", parse_retry_after(resp.headers.get("Retry-After")))
            body = b""
            if resp.status_code == 200:
                declared = resp.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    result.attempts.append(Attempt(200, "too large", (time.monotonic() - t0) * 1000))
                    raise _TooLarge(f"Content-Length {declared} exceeds the cap of {self.max_bytes} bytes")
                chunks, size = [], 0
                try:
                    for chunk in resp.iter_content(65536):
                        size += len(chunk)
                        if size > self.max_bytes:
                            result.attempts.append(Attempt(200, "too large", (time.monotonic() - t0) * 1000))
                            raise _TooLarge(f"body exceeds the cap of {self.max_bytes} bytes")
                        chunks.append(chunk)
                except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
                    result.attempts.append(Attempt(200, f"{type(exc).__name__}: {exc}", (time.monotonic() - t0) * 1000))
                    raise _Retryable("connection broke while reading") from exc
                except requests.Timeout as exc:
                    result.attempts.append(Attempt(200, f"{type(exc).__name__}: {exc}", (time.monotonic() - t0) * 1000))
                    raise _Retryable("read timeout") from exc
                body = b"".join(chunks)
            result.attempts.append(Attempt(resp.status_code, None, (time.monotonic() - t0) * 1000))
            return resp, body
        finally:
            resp.close()
