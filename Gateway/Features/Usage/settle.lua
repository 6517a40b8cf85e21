-- Settles answered requests: corrects the token window by what the answer really used, adds its cost to
-- the month's spend and writes the ledger row of (key, day) for its model, in one atomic step.
-- KEYS: 1 token window, 2 this month's spend (nano-USD), 3 the ledger hash of (key, day)
-- ARGV: 1 admitted second, 2 token correction, 3 cost nano-USD, 4 model, 5 input, 6 output, 7 cache read,
--       8 cache creation, 9 cached answers, 10 mock answers, 11 ledger retention seconds, 12 window seconds,
--       13 requests (the Gateway sums the settlements of one key, second and model before sending them)
local now = tonumber(redis.call('TIME')[1])
local correction = tonumber(ARGV[2])
if correction ~= 0 and tonumber(ARGV[1]) > now - tonumber(ARGV[12]) and redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  redis.call('HINCRBY', KEYS[1], ARGV[1], correction)
  redis.call('HINCRBY', KEYS[1], 't', correction)
end

local cost = tonumber(ARGV[3])
if cost > 0 then
  redis.call('INCRBY', KEYS[2], cost)
  redis.call('EXPIRE', KEYS[2], 40 * 86400)
end

local prefix = ARGV[4] .. '|'
redis.call('HINCRBY', KEYS[3], prefix .. 'requests', ARGV[13])
redis.call('HINCRBY', KEYS[3], prefix .. 'input_tokens', ARGV[5])
redis.call('HINCRBY', KEYS[3], prefix .. 'output_tokens', ARGV[6])
redis.call('HINCRBY', KEYS[3], prefix .. 'cache_read_input_tokens', ARGV[7])
redis.call('HINCRBY', KEYS[3], prefix .. 'cache_creation_input_tokens', ARGV[8])
redis.call('HINCRBY', KEYS[3], prefix .. 'cost_nano_usd', cost)
redis.call('HINCRBY', KEYS[3], prefix .. 'cached_responses', ARGV[9])
redis.call('HINCRBY', KEYS[3], prefix .. 'mock_responses', ARGV[10])
redis.call('EXPIRE', KEYS[3], tonumber(ARGV[11]))
return 1
