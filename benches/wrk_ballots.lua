-- wrk's side of the external ballot load run (issue 14, item 12; README "Ballots under
-- load"): each request casts one fresh code, as a phone's /v/cast does.
--   wrk -t2 -c32 -d20s --latency -s benches/wrk_ballots.lua http://ADDR -- CODES_FILE THREADS
-- Each of wrk's THREADS takes every THREADS-th code of CODES_FILE (written by the bench's
-- serve mode), so no code is sent twice. A code that runs out is answered 404 and counted
-- by wrk as a non-2xx response.

local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

local mine, at, body_tail = {}, 0, nil

function init(args)
  local file, threads = args[1], tonumber(args[2])
  local i = 0
  for line in io.lines(file) do
    if i % threads == id then
      mine[#mine + 1] = line
    end
    i = i + 1
  end
  body_tail = '","ballot":[{"picks":[0],"write_ins":[]},{"marks":[1,null]}]}'
end

function request()
  at = at + 1
  local code = mine[at] or "0000000000000000000000RUN"
  local body = '{"code":"' .. code .. '","nonce":"wrk-nonce-' .. code .. body_tail
  return wrk.format("POST", "/v/cast", {
    ["Content-Type"] = "application/json",
    ["Origin"] = "http://" .. wrk.host .. ":" .. wrk.port,
  }, body)
end
