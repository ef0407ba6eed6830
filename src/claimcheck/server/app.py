"""The Starlette application: routes, error handlers, the check pool's lifespan.

Routes: ``GET /`` (paste-a-draft page), ``GET /health``, ``GET /v1/references``,
``GET /v1/schema``, ``POST /v1/check`` (the library's ``Report`` as JSON), ``POST /v1/render``
(the HTML report), ``GET|POST /v2/check`` and ``GET /v2/languages`` (LanguageTool's API).
"""
from __future__ import annotations

import contextlib
from importlib import resources
from typing import Optional, Sequence

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from claimcheck import __version__
from claimcheck.errors import ClaimcheckError
from claimcheck.models import FactBase, Report
from claimcheck.server import inputs
from claimcheck.server import languagetool as lt
from claimcheck.server.pool import CheckPool, Job, JobError


async def v1_job(request: Request, fmt: str) -> Job:
    where = f"{request.method} {request.url.path}"
    req = await inputs.parse_check_request(request, where)
    ref = inputs.reference_id(request.app.state.pool.references, req.reference, where)
    return Job(text=inputs.normalise(req.text), reference=ref, fmt=fmt, date=req.date,
               source=req.source,
               show=tuple(req.show) if req.show is not None else None)


async def v1_check(request: Request) -> Response:
    job = await v1_job(request, "json")
    body = await request.app.state.pool.run(job, f"POST {request.url.path}")
    return Response(body, media_type="application/json")


async def v1_render(request: Request) -> Response:
    job = await v1_job(request, "html")
    return HTMLResponse(await request.app.state.pool.run(job, f"POST {request.url.path}"))


async def v2_check(request: Request) -> Response:
    where = f"{request.method} {request.url.path}"
    params = await inputs.read_params(request, where)
    language = lt.language_of(params, where)
    annotated = lt.text_of(params, where)
    inputs.check_text_size(annotated.original, where)
    pool: CheckPool = request.app.state.pool
    job = Job(text=inputs.normalise(annotated.checked), fmt="report",
              reference=inputs.reference_id(pool.references, params.get("reference"), where),
              date=inputs.validate_date(params.get("date"), where))
    report = await pool.run(job, where)
    return JSONResponse(lt.response(report, annotated, language))


async def v2_languages(request: Request) -> Response:
    return JSONResponse(lt.languages())


async def health(request: Request) -> Response:
    pool: CheckPool = request.app.state.pool
    return JSONResponse({"status": "ok", "version": __version__, "workers": pool.workers,
                         "pending": pool.pending, "references": list(pool.references)})


async def references(request: Request) -> Response:
    refs = request.app.state.pool.references
    return JSONResponse([{"id": ref_id, "source": base.source, "facts": len(base.facts),
                          "document_date": base.document_date.isoformat() if base.document_date else None,
                          "default": n == 0} for n, (ref_id, base) in enumerate(refs.items())])


async def schema(request: Request) -> Response:
    return JSONResponse(Report.model_json_schema())


async def index(request: Request) -> Response:
    page = resources.files("claimcheck.server") / "static" / "index.html"
    return HTMLResponse(page.read_text(encoding="utf-8"))


async def on_claimcheck_error(request: Request, exc: Exception) -> Response:
    return inputs.error_response(exc)  # type: ignore[arg-type]


async def on_http_error(request: Request, exc: Exception) -> Response:
    code = getattr(exc, "status_code", 500)
    where = f"{request.method} {request.url.path}"
    if code == 405:
        return inputs.error_response(ClaimcheckError("E087", path=request.url.path, method=request.method))
    if code == 404:
        return inputs.error_response(ClaimcheckError("E086", path=where))
    return inputs.error_response(ClaimcheckError("E082", path=where, detail=getattr(exc, "detail", "")))


async def on_internal_error(request: Request, exc: Exception) -> Response:
    where = f"{request.method} {request.url.path}"
    return JSONResponse({"error": ClaimcheckError("E099", path=where, reason=type(exc).__name__).to_dict()},
                        status_code=500)


ROUTES = [
    Route("/", index), Route("/health", health), Route("/v1/references", references),
    Route("/v1/schema", schema), Route("/v1/check", v1_check, methods=["POST"]),
    Route("/v1/render", v1_render, methods=["POST"]),
    Route("/v2/check", v2_check, methods=["GET", "POST"]), Route("/v2/languages", v2_languages),
    Mount("/static", StaticFiles(packages=[("claimcheck.server", "static")]), name="static"),
]


def create_app(refs: dict[str, FactBase], workers: int, timeout: float, model: Optional[str] = None,
               allow_origins: Sequence[str] = ()) -> Starlette:
    """The service; ``refs`` maps reference ids to fact bases (the first is the default)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        app.state.pool = CheckPool(refs, workers=workers, timeout=timeout, model=model)
        try:
            await app.state.pool.start()
            yield
        finally:
            app.state.pool.close()

    middleware = [Middleware(CORSMiddleware, allow_origins=list(allow_origins),
                             allow_methods=["GET", "POST"])] if allow_origins else []
    return Starlette(routes=ROUTES, lifespan=lifespan, middleware=middleware, exception_handlers={
        ClaimcheckError: on_claimcheck_error, JobError: on_claimcheck_error, HTTPException: on_http_error, Exception: on_internal_error})
