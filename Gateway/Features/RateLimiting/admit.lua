-- Admits one request for a client key, atomically, so every Gateway replica enforces one limit.
-- KEYS: 1 key record, 2 request window, 3 token window, 4 this month's spend (nano-USD)
-- ARGV: 1 key hash, 2 estimated tokens, 3 preset (1/0), 4 preset rpm, 5 preset tpm, 6 preset budget (nano-USD),
--       7 default rpm, 8 default tpm, 9 window seconds, 10 limits enabled (1/0)
-- Returns {status, rpm, rpm remaining, tpm, tpm remaining, retry after seconds, admitted second}
-- status: 0 unknown or revoked key, 1 admitted, 2 requests limited, 3 tokens limited, 4 budget spent, 5 larger than the token limit
-- A window is a hash of per-second buckets ("<epoch second>" -> amount) plus a running total "t" and
-- the last second it was pruned "p": exact over any 60 s, and one scan per key per second at most.
local rpm, tpm, budget
if ARGV[3] == '1' then
  rpm, tpm, budget = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
else
  local record = redis.call('HMGET', KEYS[1], 'hash', 'revoked_at', 'rpm', 'tpm', 'budget_nano')
  if record[1] ~= ARGV[1] or record[2] then
    return {0, 0, 0, 0, 0, 0, 0}
  end
  rpm, tpm, budget = tonumber(record[3]), tonumber(record[4]), tonumber(record[5])
end
rpm = rpm or tonumber(ARGV[7])
tpm = tpm or tonumber(ARGV[8])

local now = tonumber(redis.call('TIME')[1])
local window = tonumber(ARGV[9])
local cost = tonumber(ARGV[2])

local function used(key)
  local meta = redis.call('HMGET', key, 't', 'p')
  local total = tonumber(meta[1]) or 0
  if (tonumber(meta[2]) or 0) < now then
    local fields = redis.call('HGETALL', key)
    local stale = {}
    for i = 1, #fields, 2 do
      local second = tonumber(fields[i])
      if second and second <= now - window then
        stale[#stale + 1] = fields[i]
        total = total - tonumber(fields[i + 1])
      end
    end
    if #stale > 0 then
      redis.call('HDEL', key, unpack(stale))
    end
    redis.call('HSET', key, 't', total, 'p', now)
  end
  return total
end

-- Seconds until enough of the window has expired for `amount` more to fit under `limit`.
local function wait(key, total, amount, limit)
  local fields = redis.call('HGETALL', key)
  local buckets = {}
  for i = 1, #fields, 2 do
    local second = tonumber(fields[i])
    if second then
      buckets[#buckets + 1] = {second, tonumber(fields[i + 1])}
    end
  end
  table.sort(buckets, function(a, b) return a[1] < b[1] end)
  local freed = 0
  for _, bucket in ipairs(buckets) do
    freed = freed + bucket[2]
    if total - freed + amount <= limit then
      return math.max(1, bucket[1] + window - now)
    end
  end
  return window
end

if budget and budget >= 0 then
  local spent = tonumber(redis.call('GET', KEYS[4]) or '0')
  if spent >= budget then
    return {4, rpm, 0, tpm, 0, 0, now}
  end
end

if ARGV[10] ~= '1' then
  return {1, rpm, rpm, tpm, tpm, 0, now}
end

local requests = used(KEYS[2])
local tokens = used(KEYS[3])
if requests + 1 > rpm then
  return {2, rpm, math.max(0, rpm - requests), tpm, math.max(0, tpm - tokens), wait(KEYS[2], requests, 1, rpm), now}
end
if cost > tpm then
  return {5, rpm, rpm - requests, tpm, math.max(0, tpm - tokens), window, now}
end
if tokens + cost > tpm then
  return {3, rpm, rpm - requests, tpm, math.max(0, tpm - tokens), wait(KEYS[3], tokens, cost, tpm), now}
end

local ttl = (window + 1) * 1000
redis.call('HINCRBY', KEYS[2], now, 1)
redis.call('HINCRBY', KEYS[2], 't', 1)
redis.call('PEXPIRE', KEYS[2], ttl)
if cost > 0 then
  redis.call('HINCRBY', KEYS[3], now, cost)
  redis.call('HINCRBY', KEYS[3], 't', cost)
  redis.call('PEXPIRE', KEYS[3], ttl)
end
return {1, rpm, rpm - requests - 1, tpm, tpm - tokens - cost, 0, now}
