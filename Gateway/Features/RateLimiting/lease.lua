-- Gives a replica a lease on a client key's windows, atomically, so every Gateway replica enforces one limit
-- while asking Redis about once a second per key instead of once a request. First the unused part of the
-- replica's previous lease is given back to the second it was charged to; then the key is checked and, if the
-- request fits, it is admitted together with a share of what remains, all charged to this second. The lease
-- ends with this second (the reply says how many milliseconds are left of it), so the windows stay exact.
-- KEYS: 1 key record, 2 request window, 3 token window, 4 this month's spend (nano-USD)
-- ARGV: 1 key hash, 2 estimated tokens, 3 preset (1/0), 4 preset rpm, 5 preset tpm, 6 preset budget (nano-USD),
--       7 default rpm, 8 default tpm, 9 window seconds, 10 limits enabled (1/0),
--       11 returned second, 12 returned requests, 13 returned tokens,
--       14 take (1/0; 0 only gives back), 15 further requests asked, 16 further tokens asked, 17 share divisor
-- Returns {status, rpm, rpm remaining, tpm, tpm remaining, retry after seconds, admitted second,
--          further requests leased, further tokens leased, milliseconds left of the second, budget left (-1: none)}
-- status: 0 unknown or revoked key, 1 admitted, 2 requests limited, 3 tokens limited, 4 budget spent, 5 larger than the token limit
-- A window is a hash of per-second buckets ("<epoch second>" -> amount) plus a running total "t" and
-- the last second it was pruned "p": exact over any 60 s, and one scan per key per second at most.
local time = redis.call('TIME')
local now = tonumber(time[1])
local window = tonumber(ARGV[9])

local function give_back(key, amount)
  local second = ARGV[11]
  if amount > 0 and tonumber(second) > now - window and redis.call('HEXISTS', key, second) == 1 then
    redis.call('HINCRBY', key, second, -amount)
    redis.call('HINCRBY', key, 't', -amount)
  end
end

if ARGV[10] == '1' then
  give_back(KEYS[2], tonumber(ARGV[12]))
  give_back(KEYS[3], tonumber(ARGV[13]))
end
if ARGV[14] ~= '1' then
  return {}
end

local rpm, tpm, budget
if ARGV[3] == '1' then
  rpm, tpm, budget = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
else
  local record = redis.call('HMGET', KEYS[1], 'hash', 'revoked_at', 'rpm', 'tpm', 'budget_nano')
  if record[1] ~= ARGV[1] or record[2] then
    return {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1}
  end
  rpm, tpm, budget = tonumber(record[3]), tonumber(record[4]), tonumber(record[5])
end
rpm = rpm or tonumber(ARGV[7])
tpm = tpm or tonumber(ARGV[8])

local cost = tonumber(ARGV[2])
local left = 1000 - math.floor(tonumber(time[2]) / 1000)

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

local budget_left = -1
if budget and budget >= 0 then
  budget_left = budget - tonumber(redis.call('GET', KEYS[4]) or '0')
  if budget_left <= 0 then
    return {4, rpm, 0, tpm, 0, 0, now, 0, 0, left, -1}
  end
end

if ARGV[10] ~= '1' then
  -- Limits off: nothing is charged, so the lease only spares the key check and is never given back.
  return {1, rpm, rpm, tpm, tpm, 0, now, tonumber(ARGV[15]), tonumber(ARGV[16]), left, budget_left}
end

local requests = used(KEYS[2])
local tokens = used(KEYS[3])
if requests + 1 > rpm then
  return {2, rpm, math.max(0, rpm - requests), tpm, math.max(0, tpm - tokens), wait(KEYS[2], requests, 1, rpm), now, 0, 0, left, -1}
end
if cost > tpm then
  return {5, rpm, rpm - requests, tpm, math.max(0, tpm - tokens), window, now, 0, 0, left, -1}
end
if tokens + cost > tpm then
  return {3, rpm, rpm - requests, tpm, math.max(0, tpm - tokens), wait(KEYS[3], tokens, cost, tpm), now, 0, 0, left, -1}
end

-- A share of what remains after this request, never more than asked: however many replicas hold leases,
-- what they hold together never exceeds the limit, and near it leases shrink to the one request that asked.
local divisor = tonumber(ARGV[17])
local further = math.min(tonumber(ARGV[15]), math.floor((rpm - requests - 1) / divisor))
local further_tokens = math.min(tonumber(ARGV[16]), math.floor((tpm - tokens - cost) / divisor))
local taken, taken_tokens = 1 + further, cost + further_tokens

local ttl = (window + 1) * 1000
redis.call('HINCRBY', KEYS[2], now, taken)
redis.call('HINCRBY', KEYS[2], 't', taken)
redis.call('PEXPIRE', KEYS[2], ttl)
if taken_tokens > 0 then
  redis.call('HINCRBY', KEYS[3], now, taken_tokens)
  redis.call('HINCRBY', KEYS[3], 't', taken_tokens)
  redis.call('PEXPIRE', KEYS[3], ttl)
end
return {1, rpm, rpm - requests - taken, tpm, tpm - tokens - taken_tokens, 0, now, further, further_tokens, left, budget_left}
