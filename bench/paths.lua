-- For wrk: each request the next path of the file named by $PATHS (one a line), with wrk's headers.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  paths[#paths + 1] = line
end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end
