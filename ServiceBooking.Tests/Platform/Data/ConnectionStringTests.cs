using Npgsql;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Platform.Data;

public class ConnectionStringTests
{
    [Fact]
    public void Statements_are_prepared_automatically_and_connections_not_reset_unless_the_connection_string_says_otherwise()
    {
        var given = "Host=db.example;Database=servicebooking;Username=app;Password=secret";

        var used = new NpgsqlConnectionStringBuilder(ApplicationDbContext.WithPoolDefaults(given));

        Assert.Equal(32, used.MaxAutoPrepare);
        Assert.True(used.NoResetOnClose);
        Assert.Equal(("db.example", "servicebooking", "app", "secret"), (used.Host, used.Database, used.Username, used.Password));
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db.example;max auto prepare=5;noresetonclose=false")]
    [InlineData("Host=db.example;MaxAutoPrepare=7;NoResetOnClose=true")]
    public void An_explicit_choice_of_both_is_kept_as_it_was_written(string given)
    {
        Assert.Equal(given, ApplicationDbContext.WithPoolDefaults(given));
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0", 0, true)]
    [InlineData("Host=db.example;No Reset On Close=false", 32, false)]
    public void An_explicit_choice_of_one_is_kept_and_the_other_defaulted(string given, int prepare, bool noReset)
    {
        var used = new NpgsqlConnectionStringBuilder(ApplicationDbContext.WithPoolDefaults(given));

        Assert.Equal((prepare, noReset), (used.MaxAutoPrepare, used.NoResetOnClose));
    }
}
