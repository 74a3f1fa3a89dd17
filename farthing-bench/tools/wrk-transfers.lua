-- wrk script: one POST /v1/transfers per request, unique ids, a random funded wallet pays a random merchant.
-- Against `farthing-bench/bench fixture-server` (wallets w0..w9999, merchants m0..m999), e.g.
--   FARTHING_KEY=<key> wrk -t2 -c64 -d10s --latency -s farthing-bench/tools/wrk-transfers.lua http://127.0.0.1:8099
local counter = 0
thread_tag = "x" -- a global: setup() gives each thread its own (a local here would shadow it)
local key = os.getenv("FARTHING_KEY") or ""
local run = os.getenv("FARTHING_RUN") or tostring(os.time())

function setup(thread)
  counter = counter + 1
  thread:set("thread_tag", "t" .. counter)
end

function init(args)
  math.randomseed(os.time() + #thread_tag * 7919)
end

local n = 0
function request()
  n = n + 1
  local body = string.format('{"id":"wrk-%s-%s-%d","debit_account":"w%d","credit_account":"m%d","amount":%d,"currency":"USD"}',
    run, thread_tag, n, math.random(0, 9999), math.random(0, 999), math.random(1, 10000))
  return wrk.format("POST", "/v1/transfers", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end

local bad = 0
function response(status, headers, body)
  if status ~= 201 then
    bad = bad + 1
    if bad <= 3 then io.stderr:write("status " .. status .. ": " .. body .. "\n") end
  end
end
