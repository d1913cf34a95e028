"""Serve documents without the ``Content-Encoding: None`` header Wagtail adds.

Upstream gap (Wagtail 8, ``wagtail/utils/sendfile.py``): ``sendfile`` sets
``response["Content-Encoding"] = encoding or guessed_encoding`` (since
wagtail#3903), and ``mimetypes`` guesses no encoding for an ordinary file name,
so every document goes out with the header ``Content-Encoding: None``, which
is no encoding at all. Nor would a guessed one be right: a document is served
as the bytes that were uploaded, so a ``.gz`` suffix is part of the file, not a
transfer encoding for the browser to undo. The header is dropped from what
Wagtail's document view gets back from ``sendfile``. Delete this module and its
``apply()`` in ``sciencecity.apps`` once Wagtail no longer sets the header.
"""

from wagtail.documents.views import serve

_original_sendfile = serve.sendfile


def sendfile(request, filename, **kwargs):
    """Wagtail's sendfile, without a Content-Encoding header."""
    response = _original_sendfile(request, filename, **kwargs)
    if "Content-Encoding" in response:
        del response["Content-Encoding"]
    return response


def apply() -> None:
    """Patch the document view's sendfile once, at start-up."""
    serve.sendfile = sendfile
