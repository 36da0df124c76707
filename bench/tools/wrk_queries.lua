-- wrk (Debian's HTTP load generator) asking the benchmark queries the way http_load does: the
-- same paths in the same order, each thread from its own offset, one JSON query line at the end
-- in the bench's format. bench/run uses it as a second client next to http_load, so that the
-- table shows whether our own load generator is what limits the HTTP rows.
--
-- usage: BENCH_ENGINE=… BENCH_LABEL=1x BENCH_CONCURRENCY=C \
--        wrk -t T -c C -d 3s -s bench/tools/wrk_queries.lua http://127.0.0.1:PORT -- QUERIES T

-- CPU seconds (user + system) of a process so far, from /proc; nil when it cannot be read.
-- The kernel counts /proc times in USER_HZ, which is 100 on Linux whatever the tick rate.
local function cpu_seconds(pid)
  local f = io.open("/proc/" .. pid .. "/stat", "r")
  if not f then return nil end
  local stat = f:read("*l")
  f:close()
  local fields = {}
  for field in stat:match("%) (.*)"):gmatch("%S+") do fields[#fields + 1] = field end
  return (tonumber(fields[12]) + tonumber(fields[13])) / 100
end

-- Main state: one entry per thread, read back in done(); CPU counters as the threads start.
local threads = {}
local server_pid = os.getenv("BENCH_SERVER_PID")
local client_cpu_before, server_cpu_before

function setup(thread)
  if #threads == 0 then
    client_cpu_before = cpu_seconds("self")
    server_cpu_before = server_pid and cpu_seconds(server_pid)
  end
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

-- Thread state.
local paths = {}
local next_path = 0

-- As http_load's url_encode: unreserved characters stay, every other byte becomes %XX.
local function url_encode(s)
  return (s:gsub("[^%w%-_%.~]", function(ch) return string.format("%%%02X", ch:byte()) end))
end

function init(args)
  for line in io.lines(args[1]) do
    if line:find("%S") then
      paths[#paths + 1] = "/api/search?q=" .. url_encode(line) .. "&op=and&per_page=10"
    end
  end
  if #paths == 0 then error("no queries in " .. tostring(args[1])) end
  local thread_count = tonumber(args[2]) or 1
  next_path = math.floor(#paths * thread_index / thread_count)
  ok, failed, hits = 0, 0, 0
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

-- As http_load: a hit is a "url" key in the JSON answer.
function response(status, headers, body)
  if status ~= 200 or body:sub(1, 1) ~= "{" then
    failed = failed + 1
    return
  end
  ok = ok + 1
  local from = 1
  while true do
    local at = body:find('"url":', from, true)
    if not at then break end
    hits = hits + 1
    from = at + 6
  end
end

function done(summary, latency, requests)
  local ok_total, failed_total, hits_total = 0, 0, 0
  for _, t in ipairs(threads) do
    ok_total = ok_total + t:get("ok")
    failed_total = failed_total + t:get("failed")
    hits_total = hits_total + t:get("hits")
  end
  local e = summary.errors
  failed_total = failed_total + e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  local queries = ok_total + failed_total
  local ms = function(p) return latency:percentile(p) / 1000 end
  -- Per query in ms, as http_load prints it; left out when /proc could not be read.
  local cpu_field = function(key, before, after)
    if not before or not after or queries == 0 then return "" end
    return string.format(',"%s":%.4f', key, (after - before) * 1000 / queries)
  end
  io.write(string.format(
    '{"kind":"query","engine":"%s","corpus":"%s","concurrency":%d,"qps":%.1f,"queries":%d,' ..
    '"failed":%d,"seconds":%.3f,"mean_hits":%.3f,"p50_ms":%.3f,"p95_ms":%.3f,"p99_ms":%.3f%s%s}\n',
    os.getenv("BENCH_ENGINE") or "news-search (HTTP, wrk)", os.getenv("BENCH_LABEL") or "1x",
    tonumber(os.getenv("BENCH_CONCURRENCY")) or 1, ok_total / seconds, queries, failed_total,
    seconds, ok_total > 0 and hits_total / ok_total or 0, ms(50), ms(95), ms(99),
    cpu_field("client_cpu_ms_per_query", client_cpu_before, cpu_seconds("self")),
    cpu_field("server_cpu_ms_per_query", server_cpu_before, server_pid and cpu_seconds(server_pid))))
end
