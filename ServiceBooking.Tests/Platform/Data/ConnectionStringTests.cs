using Npgsql;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Platform.Data;

public class ConnectionStringTests
{
    [Fact]
    public void Statements_are_prepared_automatically_unless_the_connection_string_says_otherwise()
    {
        var given = "Host=db.example;Database=servicebooking;Username=app;Password=secret";

        var used = new NpgsqlConnectionStringBuilder(ApplicationDbContext.WithAutoPrepare(given));

        Assert.Equal(32, used.MaxAutoPrepare);
        Assert.Equal(("db.example", "servicebooking", "app", "secret"), (used.Host, used.Database, used.Username, used.Password));
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0")]
    [InlineData("Host=db.example;max auto prepare=5")]
    [InlineData("Host=db.example;MaxAutoPrepare=7")]
    public void An_explicit_choice_is_kept_as_it_was_written(string given)
    {
        Assert.Equal(given, ApplicationDbContext.WithAutoPrepare(given));
    }
}
