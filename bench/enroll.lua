-- wrk script: POST /api/v1/enrollments for a new random student each time, into one of the
-- batches in BENCH_BATCHES (comma-separated) of course BENCH_COURSE, with the token in BENCH_TOKEN.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  -- Each thread its own sequence, so no two requests invent the same student.
  math.randomseed(os.time() * 1000 + tid * 104729)
end
local batches = {}
for b in string.gmatch(os.getenv("BENCH_BATCHES"), "[^,]+") do
  table.insert(batches, b)
end
local course = os.getenv("BENCH_COURSE")
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")}

local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

request = function()
  local body = string.format('{"studentId":"%s","courseId":"%s","batchId":"%s"}', uuid(), course,
    batches[math.random(#batches)])
  return wrk.format("POST", "/api/v1/enrollments", headers, body)
end

dofile("report.lua") -- the RESULT line (run from this folder)
