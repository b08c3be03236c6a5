import Hummingbird

/// The live view at `/`: one HTML page, its style and script inline, that shows a workspace as
/// a supervisor's wallboard from the twin's own API.
///
/// The page fetches nothing from outside the server: it polls `/routesim/v1/Clock`, the
/// workspace list, and the workspace's statistics, queues and activities once a second, and
/// draws its chart as inline SVG. In manual mode its Start button makes the page itself post
/// `Advance` once a second (the speed chosen on the page), Pause stops that, and Step advances
/// one simulated minute; several pages started at once each move the one clock.
enum TwinLiveView {
    /// `GET /`: the page.
    static var response: Response {
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// The page: HTML with inline CSS and JavaScript.
    static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <link rel="icon" href="data:,">
    <title>routesim · live view</title>
    <style>
      :root {
        --bg: #0b1220; --card: #151f32; --line: #26334d; --text: #e6edf7; --muted: #8b9ab3;
        --good: #34d399; --warn: #fbbf24; --bad: #f87171; --accent: #60a5fa;
      }
      * { box-sizing: border-box; }
      body { margin: 0; background: var(--bg); color: var(--text);
             font: 16px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
      header { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 28px; padding: 14px 24px;
               border-bottom: 1px solid var(--line); }
      h1 { margin: 0; font-size: 1.5rem; font-weight: 700; }
      h1 small { color: var(--muted); font-weight: 400; font-size: 0.95rem; margin-left: 8px; }
      h2 { margin: 0 0 12px; font-size: 0.85rem; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase;
           color: var(--muted); }
      .clock { margin-left: auto; display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
      .time { font-size: 2.1rem; font-weight: 700; font-variant-numeric: tabular-nums; }
      .date { color: var(--muted); font-size: 0.95rem; text-align: right; }
      .mode { padding: 4px 10px; border-radius: 999px; background: var(--line); font-size: 0.9rem; white-space: nowrap; }
      .mode.running { background: #14532d; color: #bbf7d0; }
      button, select { font: inherit; color: var(--text); background: var(--card); border: 1px solid var(--line);
                       border-radius: 8px; padding: 6px 14px; cursor: pointer; }
      button:hover:not(:disabled) { border-color: var(--accent); }
      button:disabled { opacity: 0.4; cursor: default; }
      .controls { display: flex; gap: 8px; align-items: center; }
      .controls[hidden] { display: none; }
      nav { display: flex; gap: 8px; padding: 12px 24px 0; flex-wrap: wrap; }
      nav button.selected { border-color: var(--accent); background: #1d2b45; }
      main, #board { display: grid; gap: 18px; }
      main { padding: 16px 24px 24px; }
      .card { background: var(--card); border: 1px solid var(--line); border-radius: 14px; padding: 16px 20px; }
      .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 18px; }
      .kpi .label { color: var(--muted); font-size: 0.95rem; }
      .kpi .value { font-size: 3rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
      .kpi .note { color: var(--muted); font-size: 0.85rem; }
      .good { color: var(--good); } .warn { color: var(--warn); } .bad { color: var(--bad); }
      .queues { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 18px; }
      .queue h3 { margin: 0 0 10px; font-size: 1.25rem; }
      .queue .kpis { grid-template-columns: repeat(4, 1fr); gap: 10px; }
      .queue .kpi .value { font-size: 2.4rem; }
      .queue .foot { margin-top: 8px; color: var(--muted); font-size: 0.9rem; }
      .split { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
      @media (max-width: 900px) { .split { grid-template-columns: 1fr; } .queue .kpis { grid-template-columns: repeat(2, 1fr); } }
      .bars { display: grid; gap: 8px; }
      .bar { display: grid; grid-template-columns: 130px 1fr 48px; align-items: center; gap: 10px; }
      .bar .track { height: 18px; background: var(--bg); border-radius: 9px; overflow: hidden; }
      .bar .fill { height: 100%; border-radius: 9px; background: var(--muted); }
      .bar .fill.available { background: var(--good); }
      .bar .count { text-align: right; font-size: 1.3rem; font-weight: 700; font-variant-numeric: tabular-nums; }
      .statuses { display: grid; grid-template-columns: repeat(3, 1fr); gap: 14px; }
      .statuses .kpi .value { font-size: 2.2rem; }
      svg { width: 100%; height: auto; display: block; }
      svg text { fill: var(--muted); font-size: 13px; }
      .legend { display: flex; gap: 18px; color: var(--muted); font-size: 0.9rem; margin-top: 6px; }
      .legend i { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
      .message { color: var(--muted); font-size: 1.1rem; padding: 24px; }
      .error { background: #450a0a; color: #fecaca; border: 1px solid #7f1d1d; border-radius: 10px; padding: 10px 14px; }
      .error[hidden] { display: none; }
      footer { color: var(--muted); font-size: 0.85rem; padding: 0 24px 18px; }
    </style>
    </head>
    <body>
    <header>
      <h1>routesim <small>live view</small></h1>
      <div class="clock">
        <div>
          <div class="time" id="time" data-kpi="clock-time">--:--:--</div>
          <div class="date" id="date">&nbsp;</div>
        </div>
        <span class="mode" id="mode" data-kpi="clock-mode">…</span>
        <div class="controls" id="controls" hidden>
          <button id="start" type="button">▶ Start</button>
          <button id="pause" type="button">❚❚ Pause</button>
          <button id="step" type="button" title="Advance the clock one simulated minute">Step 1 min</button>
          <label>speed <select id="speed">
            <option value="1">×1</option><option value="10">×10</option>
            <option value="60" selected>×60</option><option value="600">×600</option>
          </select></label>
        </div>
      </div>
    </header>
    <nav id="tabs"></nav>
    <main>
      <div class="error" id="error" hidden></div>
      <div id="board"><p class="message">Connecting to the twin…</p></div>
    </main>
    <footer id="footer"></footer>
    <script>
    "use strict";
    // Everything below reads the twin's own API on this origin; nothing is fetched from elsewhere.
    const params = new URLSearchParams(location.search);
    const threshold = Math.max(1, Math.round(Number(params.get("threshold"))) || 20);
    const stepSeconds = 60;
    const bucketSeconds = 300;
    const buckets = 12;
    const state = { clock: null, workspaces: [], selected: location.hash.slice(1), running: false, chartKey: null, chart: [] };

    // Built on location.origin, never on the page's address: an address with user:password@ in it
    // makes fetch() refuse the request.
    function api(path, query = {}) {
      const url = new URL(path, location.origin);
      for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
      return url;
    }

    async function request(url, options) {
      const response = await fetch(url, { cache: "no-store", ...options });
      const body = await response.json();
      if (!response.ok) throw new Error(`${response.status} ${body.message || ""} (${url.pathname})`);
      return body;
    }

    const get = (path, query) => request(api(path, query));

    function advance(seconds) {
      return request(api("/routesim/v1/Clock"), {
        method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ Advance: String(seconds) }),
      });
    }

    // Requests run one after another: a click waits for the poll in progress, and the reverse.
    let chain = Promise.resolve();
    function serial(work) {
      chain = chain.then(work).then(() => showError(null), showError);
      return chain;
    }

    function showError(error) {
      const box = document.getElementById("error");
      box.hidden = !error;
      box.textContent = error ? "The twin did not answer: " + error.message : "";
    }

    function el(tag, attributes = {}, ...children) {
      const node = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
      node.append(...children.filter((child) => child !== null && child !== undefined));
      return node;
    }

    function svg(tag, attributes = {}, ...children) {
      const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
      for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
      node.append(...children);
      return node;
    }

    const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
    const hhmm = (ms) => new Date(ms).toISOString().slice(11, 16);
    const count = (n) => Math.round(n).toLocaleString("en-US");

    function duration(seconds) {
      const s = Math.floor(seconds);
      const two = (n) => String(n).padStart(2, "0");
      return s >= 3600 ? `${Math.floor(s / 3600)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
    }

    // Service level as planners count it: answered within the threshold over answered plus abandoned after it.
    function serviceLevel(cumulative) {
      const split = cumulative.split_by_wait_time && cumulative.split_by_wait_time[String(threshold)];
      if (!split) return null;
      const answered = split.below.reservations_accepted + split.above.reservations_accepted;
      const total = answered + split.above.tasks_canceled;
      return total > 0 ? split.below.reservations_accepted / total : null;
    }

    function kpi(name, label, value, tone = "", note = "") {
      return el("div", { class: "kpi" }, el("div", { class: "label" }, label),
        el("div", { class: "value " + tone, "data-kpi": name }, value), note ? el("div", { class: "note" }, note) : null);
    }

    function slKpi(name, level) {
      const tone = level === null ? "" : level >= 0.8 ? "good" : level >= 0.6 ? "warn" : "bad";
      return kpi(name, "Service level", level === null ? "—" : `${Math.round(level * 100)}%`, tone, `answered within ${threshold} s`);
    }

    const waitTone = (age) => (age >= threshold ? "bad" : age > 0 ? "warn" : "");
    const waiting = (byStatus) => (byStatus.pending || 0) + (byStatus.reserved || 0);

    async function refresh() {
      const [clock, list] = await Promise.all([get("/routesim/v1/Clock"), get("/v1/Workspaces", { PageSize: 1000 })]);
      state.clock = clock;
      state.workspaces = list.workspaces;
      renderClock();
      renderTabs();
      const workspace = state.workspaces.find((w) => w.sid === state.selected) || state.workspaces[0];
      if (!workspace) {
        document.getElementById("board").replaceChildren(el("p", { class: "message" },
          "No workspace yet: create one through the API (POST /v1/Workspaces), or start routesim serve with a scenario."));
        return;
      }
      const base = "/v1/Workspaces/" + workspace.sid;
      const today = { StartDate: clock.date.slice(0, 10) + "T00:00:00Z", EndDate: clock.date, SplitByWaitTime: threshold };
      const [realtime, cumulative, queues, names, activities] = await Promise.all([
        get(base + "/RealTimeStatistics"),
        get(base + "/CumulativeStatistics", today),
        get(base + "/TaskQueues/Statistics", { ...today, PageSize: 1000 }),
        get(base + "/TaskQueues", { PageSize: 1000 }),
        get(base + "/Activities", { PageSize: 1000 }),
      ]);
      const chartKey = workspace.sid + " " + clock.date;
      if (state.chartKey !== chartKey) {
        state.chart = await lastHour(base, clock.date);
        state.chartKey = chartKey;
      }
      const queueNames = new Map(names.task_queues.map((q) => [q.sid, q.friendly_name]));
      renderBoard(workspace, realtime, cumulative, queues.task_queues_statistics, queueNames, activities.activities);
      document.getElementById("footer").textContent =
        `Workspace ${workspace.sid} · “today” is the simulated day in UTC · service level threshold ${threshold} s ` +
        `(add ?threshold=SECONDS to the address) · updated every second, last at ${new Date().toLocaleTimeString()}`;
    }

    // The last hour in five-minute buckets: each window runs from a bucket's start to the clock's
    // instant, and a bucket is its window less the next one, so every event counts exactly once.
    async function lastHour(base, date) {
      const now = Date.parse(date);
      const size = bucketSeconds * 1000;
      const last = Math.floor(now / size) * size;
      const starts = Array.from({ length: buckets }, (_, k) => last - (buckets - 1 - k) * size);
      const windows = await Promise.all(starts.map((start) => get(base + "/CumulativeStatistics", { StartDate: iso(start), EndDate: date })));
      return starts.map((start, k) => {
        const less = (field) => windows[k][field] - (k + 1 < buckets ? windows[k + 1][field] : 0);
        return { start, arrived: less("tasks_created"), answered: less("reservations_accepted"), abandoned: less("tasks_canceled") };
      });
    }

    function renderClock() {
      const clock = state.clock;
      const date = new Date(Date.parse(clock.date));
      document.getElementById("time").textContent = clock.date.slice(11, 19);
      document.getElementById("date").textContent =
        date.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }) +
        ` UTC · t = ${count(clock.time)} s`;
      const manual = clock.mode === "manual";
      const mode = document.getElementById("mode");
      mode.textContent = manual
        ? (state.running ? `manual · running ×${speed()}` : "manual · paused")
        : `realtime · ×${clock.speed}`;
      mode.classList.toggle("running", !manual || state.running);
      document.getElementById("controls").hidden = !manual;
      document.getElementById("start").disabled = state.running;
      document.getElementById("pause").disabled = !state.running;
    }

    // Drawn again only when the workspaces or the choice change, so that a click is never lost.
    function renderTabs() {
      const tabs = document.getElementById("tabs");
      const selected = state.workspaces.some((w) => w.sid === state.selected) ? state.selected : (state.workspaces[0] || {}).sid;
      const key = JSON.stringify([selected, state.workspaces.map((w) => [w.sid, w.friendly_name])]);
      if (tabs.dataset.key === key) return;
      tabs.dataset.key = key;
      if (state.workspaces.length < 2) { tabs.replaceChildren(); return; }
      tabs.replaceChildren(...state.workspaces.map((w) => {
        const button = el("button", { type: "button", class: w.sid === selected ? "selected" : "" }, w.friendly_name);
        button.addEventListener("click", () => { state.selected = w.sid; location.hash = w.sid; serial(refresh); });
        return button;
      }));
    }

    function renderBoard(workspace, realtime, cumulative, queues, queueNames, activities) {
      const available = new Set(activities.filter((a) => a.available).map((a) => a.sid));
      const ready = realtime.activity_statistics.filter((a) => available.has(a.sid)).reduce((sum, a) => sum + a.workers, 0);
      const answered = cumulative.reservations_accepted;
      const summary = el("section", { class: "card" },
        el("h2", {}, workspace.friendly_name),
        el("div", { class: "kpis" },
          kpi("waiting", "Tasks waiting", count(waiting(realtime.tasks_by_status)), waitTone(realtime.longest_task_waiting_age)),
          kpi("longest-wait", "Longest wait", duration(realtime.longest_task_waiting_age), waitTone(realtime.longest_task_waiting_age)),
          slKpi("service-level", serviceLevel(cumulative)),
          kpi("answered", "Answered today", count(answered)),
          kpi("abandoned", "Abandoned today", count(cumulative.tasks_canceled), cumulative.tasks_canceled > 0 ? "warn" : ""),
          kpi("agents-available", "Agents available", `${count(ready)}/${count(realtime.total_workers)}`, "", "in an available activity")));

      const queueCards = queues.length === 0 ? null : el("section", { class: "queues" }, ...queues.map((q) => {
        const live = q.realtime;
        const today = q.cumulative;
        return el("div", { class: "card queue", "data-queue": q.task_queue_sid },
          el("h3", {}, queueNames.get(q.task_queue_sid) || q.task_queue_sid),
          el("div", { class: "kpis" },
            kpi("queue-waiting", "Waiting", count(waiting(live.tasks_by_status)), waitTone(live.longest_task_waiting_age)),
            kpi("queue-longest-wait", "Longest wait", duration(live.longest_task_waiting_age), waitTone(live.longest_task_waiting_age)),
            slKpi("queue-service-level", serviceLevel(today)),
            kpi("queue-abandoned", "Abandoned", count(today.tasks_canceled), today.tasks_canceled > 0 ? "warn" : "")),
          el("div", { class: "foot" },
            `${count(today.tasks_entered)} entered · ${count(today.reservations_accepted)} answered today · ` +
            `${count(live.total_available_workers)} of ${count(live.total_eligible_workers)} agents available`));
      }));

      const most = Math.max(1, ...realtime.activity_statistics.map((a) => a.workers));
      const agents = el("section", { class: "card" }, el("h2", {}, `Agents by activity · ${count(realtime.total_workers)}`),
        el("div", { class: "bars" }, ...realtime.activity_statistics.map((a) => el("div", { class: "bar" },
          el("span", {}, a.friendly_name),
          el("div", { class: "track" }, el("div", {
            class: "fill" + (available.has(a.sid) ? " available" : ""), style: `width: ${(100 * a.workers) / most}%` })),
          el("span", { class: "count", "data-activity": a.friendly_name }, count(a.workers))))));

      const byStatus = realtime.tasks_by_status;
      const tasks = el("section", { class: "card" }, el("h2", {}, "Tasks by status"),
        el("div", { class: "statuses" },
          kpi("tasks-pending", "Pending", count(byStatus.pending || 0)),
          kpi("tasks-reserved", "Reserved", count(byStatus.reserved || 0)),
          kpi("tasks-assigned", "Assigned", count(byStatus.assigned || 0)),
          kpi("tasks-wrapping", "Wrapping", count(byStatus.wrapping || 0)),
          kpi("tasks-completed", "Completed today", count(cumulative.tasks_completed)),
          kpi("tasks-canceled", "Canceled today", count(cumulative.tasks_canceled))));

      const chart = el("section", { class: "card" }, el("h2", {}, "Last hour · tasks per 5 minutes"), renderChart(state.chart),
        el("div", { class: "legend" },
          el("span", {}, el("i", { style: "background: var(--accent)" }), "Arrived"),
          el("span", {}, el("i", { style: "background: var(--good)" }), "Answered"),
          el("span", {}, el("i", { style: "background: var(--bad)" }), "Abandoned")));

      const parts = [summary, queueCards, el("div", { class: "split" }, agents, tasks), chart];
      document.getElementById("board").replaceChildren(...parts.filter((part) => part !== null));
    }

    function renderChart(points) {
      const width = 1200, height = 220, left = 44, bottom = 26, top = 10;
      const series = [["arrived", "var(--accent)"], ["answered", "var(--good)"], ["abandoned", "var(--bad)"]];
      const highest = Math.max(1, ...points.flatMap((p) => series.map(([key]) => p[key])));
      const step = Math.max(1, Math.ceil(highest / 4));
      const scale = step * 4;
      const y = (value) => top + (height - top - bottom) * (1 - value / scale);
      const slot = (width - left) / points.length;
      const bar = (slot - 16) / series.length;
      const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Tasks per five minutes over the last hour", "data-chart": "last-hour" });
      for (let tick = 0; tick <= 4; tick++) {
        const value = tick * step;
        chart.append(svg("line", { x1: left, x2: width, y1: y(value), y2: y(value), stroke: "#26334d" }),
          svg("text", { x: left - 8, y: y(value) + 4, "text-anchor": "end" }, String(value)));
      }
      points.forEach((point, index) => {
        const x = left + index * slot + 8;
        series.forEach(([key, color], s) => {
          const value = point[key];
          const shape = { x: x + s * bar, y: y(value), width: bar - 2, height: y(0) - y(value), rx: 2, fill: color, "data-series": key };
          chart.append(svg("rect", shape, svg("title", {}, `${hhmm(point.start)} ${key}: ${value}`)));
        });
        chart.append(svg("text", { x: x + (slot - 16) / 2, y: height - 6, "text-anchor": "middle" }, hhmm(point.start)));
      });
      return chart;
    }

    const speed = () => Number(document.getElementById("speed").value);

    document.getElementById("start").addEventListener("click", () => { state.running = true; renderClock(); });
    document.getElementById("pause").addEventListener("click", () => { state.running = false; renderClock(); });
    document.getElementById("step").addEventListener("click", () => serial(async () => { await advance(stepSeconds); await refresh(); }));
    document.getElementById("speed").addEventListener("change", () => state.clock && renderClock());

    // Once a second: in manual mode, while started, this page moves the clock by the chosen speed;
    // then everything shown is read again.
    function tick() {
      serial(async () => {
        if (state.running && state.clock && state.clock.mode === "manual") await advance(speed());
        await refresh();
      }).then(() => setTimeout(tick, 1000));
    }
    tick();
    </script>
    </body>
    </html>
    """#
}
