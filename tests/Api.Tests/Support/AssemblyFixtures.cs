using TestSupport;

// One PostgreSQL and one Redis for the whole assembly; each test class creates its own database and key prefix.
[assembly: AssemblyFixture(typeof(PostgresServer))]
[assembly: AssemblyFixture(typeof(RedisFixture))]
