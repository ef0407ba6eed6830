"""Reading requests: body size limit, JSON and field validation, error responses.

Every error is a JSON body ``{"error": {"code": "E0xx", "message": "..."}}`` with our stable
codes (``claimcheck.errors``) and the HTTP status of ``STATUS``.
"""
from __future__ import annotations

import json
from typing import Optional

from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse

from claimcheck.document import parse_date_value
from claimcheck.errors import ClaimcheckError
from claimcheck.models import Verdict
from claimcheck.server.limits import MAX_BODY_BYTES, MAX_DRAIN_BYTES, MAX_TEXT_CHARS

STATUS = {"E010": 422, "E062": 504, "E080": 413, "E081": 400, "E082": 422, "E083": 422,
          "E084": 422, "E085": 503, "E086": 404, "E087": 405}
PYDANTIC_DE = {"missing": "fehlt", "string_type": "muss ein Text sein", "extra_forbidden":
               "ist unbekannt", "literal_error": "hat einen ungültigen Wert", "list_type":
               "muss eine Liste sein", "model_type": "muss ein JSON-Objekt sein"}


class CheckRequest(BaseModel):
    """Body of ``POST /v1/check`` and ``POST /v1/render``."""

    model_config = ConfigDict(extra="forbid")

    text: str
    date: Optional[str] = None  # document date YYYY-MM[-DD] unless the text has a date header
    reference: Optional[str] = None  # fact base id (GET /v1/references); default: the first
    source: str = "<text>"  # name of the draft, shown in the report
    show: Optional[list[Verdict]] = None  # verdicts to list; the summary always counts all


def error_response(exc: ClaimcheckError) -> JSONResponse:
    """``exc``: a ClaimcheckError, or anything with ``code`` and ``to_dict()`` (a worker's JobError)."""
    return JSONResponse({"error": exc.to_dict()}, status_code=STATUS.get(exc.code, 500))


async def read_body(request: Request, where: str) -> bytes:
    """The request body, at most MAX_BODY_BYTES; a larger one is drained and refused (413)."""
    declared = request.headers.get("content-length", "")
    size, chunks = 0, []
    if not (declared.isdigit() and int(declared) > MAX_DRAIN_BYTES):
        async for chunk in request.stream():
            size += len(chunk)
            if size <= MAX_BODY_BYTES:
                chunks.append(chunk)
            elif size > MAX_DRAIN_BYTES:
                break
    total = int(declared) if declared.isdigit() else size
    if max(total, size) > MAX_BODY_BYTES:
        raise ClaimcheckError("E080", path=where, size=f"{max(total, size)} Bytes",
                              limit=f"{MAX_BODY_BYTES} Bytes")
    return b"".join(chunks)


def normalise(text: str) -> str:
    """Line breaks as the pipeline expects them (CRLF, CR -> LF) and no BOM, keeping the length,
    so that offsets into the result are offsets into the text as the client sent it."""
    return text.replace("\r\n", " \n").replace("\r", "\n").replace("\ufeff", " ")


def check_text_size(text: str, where: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise ClaimcheckError("E080", path=where, size=f"{len(text)} Zeichen",
                              limit=f"{MAX_TEXT_CHARS} Zeichen")


def reference_id(references: dict, value: Optional[str], where: str) -> str:
    if not value:
        return next(iter(references))
    if value not in references:
        raise ClaimcheckError("E083", path=where, value=value, known=", ".join(references))
    return value


def validate_date(value: Optional[str], where: str) -> Optional[str]:
    if value:
        parse_date_value(value)  # raises E010 naming the value
    return value or None


async def parse_check_request(request: Request, where: str) -> CheckRequest:
    body = await read_body(request, where)
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ClaimcheckError("E081", path=where, detail="kein UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise ClaimcheckError("E081", path=where, detail=f"{exc.msg} (Zeichen {exc.pos})") from exc
    try:
        req = CheckRequest.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "(Wurzel)"
        raise ClaimcheckError("E082", path=where, detail=(
            f"Feld {field} {PYDANTIC_DE.get(err['type'], err['msg'])}")) from exc
    check_text_size(req.text, where)
    validate_date(req.date, where)
    return req


async def read_params(request: Request, where: str) -> dict[str, str]:
    """LanguageTool-style parameters: the query string, overridden by a form body
    (``application/x-www-form-urlencoded`` or ``multipart/form-data``)."""
    params = dict(request.query_params)
    if request.method != "POST":
        return params
    body = await read_body(request, where)

    async def replay() -> dict:
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        form = await Request(request.scope, receive=replay).form()
    except Exception as exc:  # malformed multipart data
        raise ClaimcheckError("E082", path=where, detail="Formulardaten nicht lesbar") from exc
    params.update({k: v for k, v in form.items() if isinstance(v, str)})
    return params
