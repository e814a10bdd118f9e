-- wrk script for the booking race: many signed-in clients (bench/out/clients.txt: cookie<TAB>token<TAB>carId per
-- line) post bookings for a few target cells (bench/out/cells.txt: date<TAB>time<TAB>advisorId per line) at once.
local clients, cells, counter = {}, {}, 0

local function lines(path)
  local result = {}
  for line in io.lines(path) do
    local fields = {}
    for field in string.gmatch(line, "[^\t]+") do table.insert(fields, field) end
    table.insert(result, fields)
  end
  return result
end

init = function(args)
  local files = {}
  for _, arg in ipairs(args) do
    if arg ~= "--" then table.insert(files, arg) end
  end
  clients = lines(files[1])
  cells = lines(files[2])
  counter = math.random(1, 1000)
end

request = function()
  counter = counter + 1
  local client = clients[(counter % #clients) + 1]
  local cell = cells[(math.floor(counter / #clients) % #cells) + 1]
  local body = "date=" .. cell[1] .. "&time=" .. cell[2] .. "&advisorId=" .. cell[3] .. "&carId=" .. client[3] .. "&repairTypeId=" .. cell[4]
  return wrk.format("POST", "/Booking?handler=Book", {
    ["Cookie"] = client[1],
    ["RequestVerificationToken"] = client[2],
    ["HX-Request"] = "true",
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end

-- The same RESULT line as the other scenarios.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
