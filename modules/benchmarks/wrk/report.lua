-- wrk script: one summary line the suite parses, and the requests that did not answer 2xx/3xx.
-- Optional: WRK_PATHS=<file> sends the paths of that file (one a line) round-robin, each thread
-- starting at another offset; WRK_TOKEN=<token> adds "Authorization: Bearer <token>".
local paths = nil
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = os.getenv("WRK_PATHS")
  if file and file ~= "" then
    paths = {}
    for line in io.lines(file) do
      if line ~= "" then table.insert(paths, line) end
    end
    counter = (id or 0) * 997
  end
  local token = os.getenv("WRK_TOKEN")
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

function request()
  if paths then
    counter = counter + 1
    return wrk.format(nil, paths[(counter % #paths) + 1])
  end
  return wrk.format(nil)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f bytes=%d non2xx=%d connect_err=%d read_err=%d write_err=%d timeouts=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.bytes, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
end
