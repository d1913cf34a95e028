// The district form's map: the marker follows the latitude and longitude fields, and a click on the map
// fills them in. The projection is the same Equal Earth as districts/map.py, so the marker lands where the
// site's own map will put it.
(() => {
  const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2;
  const WIDTH = 1000;
  const RAD = Math.PI / 180;

  const equalEarth = (latitude, longitude) => {
    const theta = Math.asin(M * Math.sin(latitude * RAD));
    const t2 = theta * theta, t6 = t2 * t2 * t2;
    const x = (2 * Math.sqrt(3) * longitude * RAD * Math.cos(theta)) / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1));
    const y = theta * (A4 * t6 * t2 + A3 * t6 + A2 * t2 + A1);
    return [x, y];
  };
  const SCALE = WIDTH / (2 * equalEarth(0, 180)[0]);
  const TOP = equalEarth(90, 0)[1];

  const project = (latitude, longitude) => {
    const [x, y] = equalEarth(latitude, longitude);
    return [WIDTH / 2 + x * SCALE, (TOP - y) * SCALE];
  };

  // The inverse has no closed form: Newton's method on theta, as the projection's authors suggest.
  const unproject = (px, py) => {
    const x = (px - WIDTH / 2) / SCALE, y = TOP - py / SCALE;
    let theta = y / A1;
    for (let step = 0; step < 12; step += 1) {
      const t2 = theta * theta, t6 = t2 * t2 * t2;
      const f = theta * (A1 + A2 * t2 + A3 * t6 + A4 * t6 * t2) - y;
      const slope = A1 + 3 * A2 * t2 + 7 * A3 * t6 + 9 * A4 * t6 * t2;
      theta -= f / slope;
    }
    const t2 = theta * theta, t6 = t2 * t2 * t2;
    const longitude = (x * 3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1)) / (2 * Math.sqrt(3) * Math.cos(theta)) / RAD;
    const latitude = Math.asin(Math.max(-1, Math.min(1, Math.sin(theta) / M))) / RAD;
    return [latitude, longitude];
  };

  const parse = (input) => {
    const value = Number.parseFloat(String(input.value).replace(",", "."));
    return Number.isFinite(value) ? value : null;
  };

  const connect = (root) => {
    const latitude = document.getElementById(root.dataset.latitude);
    const longitude = document.getElementById(root.dataset.longitude);
    const svg = root.querySelector("svg");
    const marker = root.querySelector(".coordinates-map__marker");
    if (!latitude || !longitude || !svg || !marker) return;

    const update = () => {
      const lat = parse(latitude), lon = parse(longitude);
      const valid = lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
      marker.setAttribute("visibility", valid ? "visible" : "hidden");
      if (!valid) return;
      const [cx, cy] = project(lat, lon);
      marker.setAttribute("cx", cx.toFixed(1));
      marker.setAttribute("cy", cy.toFixed(1));
    };

    svg.addEventListener("click", (event) => {
      const point = svg.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      const local = point.matrixTransform(svg.getScreenCTM().inverse());
      const [lat, lon] = unproject(local.x, local.y);
      if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lon) > 180) return;
      latitude.value = lat.toFixed(5);
      longitude.value = lon.toFixed(5);
      [latitude, longitude].forEach((input) => input.dispatchEvent(new Event("change", { bubbles: true })));
      update();
    });
    latitude.addEventListener("input", update);
    longitude.addEventListener("input", update);
    update();
  };

  const start = () => document.querySelectorAll("[data-coordinates-map]").forEach(connect);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
