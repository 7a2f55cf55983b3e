-- wrk script: POST /api/v1/enrollments for a new student each time, into one of the batches in
-- BENCH_BATCHES (comma-separated) of course BENCH_COURSE, with the token in BENCH_TOKEN.
-- enrollment-service enrolls only students its directory knows: enrollment.sh registers the ids
-- 00000000-0000-4000-8000-<number> beforehand, a block of 20000 per run (BENCH_RUN) and thread.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local next_student = 0
function init(args)
  -- Each run and thread its own block of registered students, so no two requests name the same one.
  math.randomseed(os.time() * 1000 + tid * 104729)
  next_student = ((tonumber(os.getenv("BENCH_RUN") or "0") * 2) + (tid - 1)) * 20000
end
local batches = {}
for b in string.gmatch(os.getenv("BENCH_BATCHES"), "[^,]+") do
  table.insert(batches, b)
end
local course = os.getenv("BENCH_COURSE")
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")}


request = function()
  next_student = next_student + 1
  local student = string.format("00000000-0000-4000-8000-%012d", next_student)
  local body = string.format('{"studentId":"%s","courseId":"%s","batchId":"%s"}', student, course,
    batches[math.random(#batches)])
  return wrk.format("POST", "/api/v1/enrollments", headers, body)
end

dofile("report.lua") -- the RESULT line (run from this folder)
