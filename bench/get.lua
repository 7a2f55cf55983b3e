-- wrk script: GET the given path, with the access token from BENCH_TOKEN when it is set.
wrk.method = "GET"
local token = os.getenv("BENCH_TOKEN")
if token ~= nil and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

dofile("report.lua") -- the RESULT line (run from this folder)
