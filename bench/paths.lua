-- wrk script: requests the paths listed in a file (one per line: bench/out/order-lists.txt, order-pages.txt), in turn
-- from a random place per connection's thread, with the headers given to wrk (-H: the cookie, HX-Request).
--   wrk … -s bench/paths.lua http://127.0.0.1:5090 -- bench/out/order-pages.txt
local paths, counter = {}, 0

init = function(args)
  for _, arg in ipairs(args) do
    if arg ~= "--" then
      for line in io.lines(arg) do
        if #line > 0 then table.insert(paths, line) end
      end
    end
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  counter = math.random(1, #paths)
end

request = function()
  counter = counter + 1
  return wrk.format(nil, paths[(counter % #paths) + 1])
end

-- The same RESULT line as the other scenarios.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
