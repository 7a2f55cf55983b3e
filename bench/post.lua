-- wrk script: POST the JSON in BENCH_BODY to the given path with the token in BENCH_TOKEN.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")

dofile("report.lua") -- the RESULT line (run from this folder)
