using Api.Infrastructure.Pagination;

namespace Api.Tests.Infrastructure.Pagination;

public sealed class SequentialIdsTests
{
    [Fact]
    public void Ids_made_in_the_same_millisecond_still_increase()
    {
        var now = DateTimeOffset.UtcNow;

        var ids = Enumerable.Range(0, 1000).Select(_ => SequentialIds.Next(now)).ToList();

        Assert.Equal(ids.Order(), ids);
        Assert.Equal(1000, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(7, id.Version));
    }

    [Fact]
    public void A_later_time_gives_a_v7_id_of_that_time()
    {
        var later = DateTimeOffset.UtcNow.AddDays(1);

        var id = SequentialIds.Next(later);

        // The first 48 bits are the Unix time in milliseconds.
        var milliseconds = long.Parse(id.ToString("N")[..12], System.Globalization.NumberStyles.HexNumber);
        Assert.Equal(later.ToUnixTimeMilliseconds(), milliseconds);
    }
}
