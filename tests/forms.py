"""Read an admin form the way a browser submits it, so tests can post a complete, valid form."""

from bs4 import BeautifulSoup


def form_data(html: bytes | str, form_selector: str = "form[method=post]") -> dict[str, list[str]]:
    """Every field a browser would send from the first matching form, unchanged (no submit button)."""
    form = BeautifulSoup(html, "html.parser").select_one(form_selector)
    assert form is not None, f"no {form_selector} in the page"
    data: dict[str, list[str]] = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name, kind = field["name"], field.get("type", "text").lower()
        if field.has_attr("disabled") or kind in ("submit", "button", "image", "file", "reset"):
            continue
        if kind in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.name == "select":
            chosen = field.select("option[selected]") or field.select("option")[:1]
            if field.has_attr("multiple"):
                chosen = field.select("option[selected]")
            data.setdefault(name, []).extend(option.get("value", option.get_text()) for option in chosen)
        elif field.name == "textarea":
            data.setdefault(name, []).append(field.get_text())
        else:
            data.setdefault(name, []).append(field.get("value", ""))
    return data
