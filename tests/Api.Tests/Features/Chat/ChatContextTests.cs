using Api.Features.Chat;
using Api.Infrastructure.Gateway;

namespace Api.Tests.Features.Chat;

public sealed class ChatContextTests
{
    private static readonly MessageParam[] NewestFirst =
    [
        new("assistant", "a3"), new("user", "u3"), new("assistant", "a2"), new("user", "u2"), new("assistant", "a1"), new("user", "u1"),
    ];

    [Fact]
    public void Everything_that_fits_goes_oldest_first_with_the_new_message_last()
    {
        var messages = ChatContext.Bound(NewestFirst, "new", maxCharacters: 1000);

        Assert.Equal(["u1", "a1", "u2", "a2", "u3", "a3", "new"], messages.Select(m => m.Content));
    }

    [Fact]
    public void The_oldest_messages_are_left_out_when_characters_run_out()
    {
        var messages = ChatContext.Bound(NewestFirst, "new", maxCharacters: 8);

        Assert.Equal(["u2", "a2", "u3", "a3", "new"], messages.Select(m => m.Content));
    }

    [Fact]
    public void A_cut_never_leaves_an_assistant_message_first()
    {
        var messages = ChatContext.Bound(NewestFirst, "new", maxCharacters: 6);

        Assert.Equal(["u3", "a3", "new"], messages.Select(m => m.Content));
        Assert.Equal("user", messages[0].Role);
    }

    [Fact]
    public void No_room_at_all_still_sends_the_new_message()
    {
        Assert.Equal(["new"], ChatContext.Bound(NewestFirst, "new", maxCharacters: 0).Select(m => m.Content));
    }
}
