"""A word cloud of term frequencies, as a PIL image (plotly has no word cloud)."""

from __future__ import annotations

import importlib.util
import io
import math
import zlib
from functools import lru_cache
from pathlib import Path

from PIL import Image

from . import style


@lru_cache(maxsize=1)
def _font_path() -> str | None:
    """DejaVu Sans as shipped with matplotlib (a wordcloud dependency): it has ə, İ and Cyrillic,
    which wordcloud's default DroidSansMono lacks (it draws "Əliyev" with a missing-glyph box)."""
    spec = importlib.util.find_spec("matplotlib")
    if spec and spec.origin:
        font = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        if font.is_file():
            return str(font)
    return None  # wordcloud's own default font


def _color_for(word: str, **_) -> str:
    # crc32, not hash(): Python's string hash changes per process, colours must not.
    return style.PALETTE[zlib.crc32(word.encode("utf-8")) % len(style.PALETTE)]


def word_cloud_image(frequencies: dict[str, float], width: int = 800, height: int = 400,
                     scale: float = 1, max_words: int = 150) -> Image.Image | None:
    """Render `frequencies` (term → weight > 0) as a white-background word cloud image.

    Deterministic: fixed layout seed and a colour per word from the house palette. The image is
    `width*scale` × `height*scale` pixels. Returns None when no term has a positive weight.
    """
    usable = {str(term): float(weight) for term, weight in frequencies.items()
              if str(term).strip() and weight is not None and math.isfinite(weight) and weight > 0}
    if not usable:
        return None
    from wordcloud import WordCloud  # imported when a cloud is first drawn, not when the dashboard starts

    cloud = WordCloud(width=width, height=height, scale=scale, background_color="white", random_state=0,
                      font_path=_font_path(),
                      color_func=_color_for, max_words=max_words, prefer_horizontal=0.9,
                      relative_scaling=0.5, margin=4, collocations=False,
                      min_font_size=10)  # smaller words are unreadable specks; better left out
    return cloud.generate_from_frequencies(usable).to_image()


# The dashboard's cloud: laid out on 467 x 253 and drawn three times as large (1401 x 759 px). Layout
# time grows with the layout area, drawing barely: a smaller layout is ~20 % faster per filter change and
# keeps about 70 words, each large enough to read, where a 700 x 380 layout crammed in 120 specks.
DASHBOARD_CLOUD = dict(width=467, height=253, scale=3)


def word_cloud_png(frequencies: dict[str, float], **size) -> bytes | None:
    """`word_cloud_image` encoded as PNG (crisp text, unlike JPEG), or None when there is nothing to draw.

    Fast zlib level: the image is drawn once per selection and sent as is (also as the download)."""
    image = word_cloud_image(frequencies, **(size or DASHBOARD_CLOUD))
    if image is None:
        return None
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()
