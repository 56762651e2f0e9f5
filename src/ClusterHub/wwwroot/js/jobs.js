// Background jobs shown as the rows of a table with a data-poll address (mapping imports, network computations): each row
// has data-job (the job's id), data-live ("true" while queued or running), a <progress>, a .job-step and maybe a .job-state.
// While a row is live, the address (a JSON list of { id, state, progress, step }) is polled every second and the rows move;
// the page reloads when a live job ends or leaves the list, or when a job it does not show appears. The one poller of
// every page with jobs.
(() => {
  'use strict';
  const live = state => state === 'Queued' || state === 'Running';
  const follow = table => {
    if (!table.querySelector('tr[data-live="true"]')) return;
    const poll = async () => {
      let list;
      try { list = await (await fetch(table.dataset.poll, { headers: { Accept: 'application/json' } })).json(); }
      catch { setTimeout(poll, 2000); return; }
      let ended = false;
      const listed = new Set();
      for (const job of list) {
        listed.add(String(job.id));
        const row = table.querySelector(`tr[data-job="${job.id}"]`);
        if (!row) { ended = true; continue; }
        if (row.dataset.live === 'true' && !live(job.state)) ended = true;
        row.querySelector('progress').value = job.progress;
        row.querySelector('.job-step').textContent = job.step || '';
        const state = row.querySelector('.job-state');
        if (state) state.dataset.state = job.state;
      }
      for (const row of table.querySelectorAll('tr[data-live="true"]')) if (!listed.has(row.dataset.job)) ended = true;
      if (ended) { window.location.reload(); return; }
      setTimeout(poll, 1000);
    };
    setTimeout(poll, 500);
  };
  document.querySelectorAll('table[data-poll]').forEach(follow);
})();
