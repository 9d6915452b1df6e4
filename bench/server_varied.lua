-- wrk script: 5,000 different shallow pages of /api/quotes (limit 1-100,
-- offset 0-49), so that nearly every request misses the response cache.
local n = 0
request = function()
  n = n + 1
  local k = (n * 7919) % 5000
  return wrk.format("GET", "/api/quotes?limit=" .. (1 + k % 100) .. "&offset=" .. math.floor(k / 100))
end
