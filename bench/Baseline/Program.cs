using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;

// The same question the site's day grid answers — which advisor is free, busy or cancelled at each half-hour of a
// day — with one connection pool, two queries and a StringBuilder. It is what the site is measured against.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var source = NpgsqlDataSource.Create(app.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Default."));

app.MapGet("/grid", async (string date, string? viewer, CancellationToken cancellationToken) =>
{
    var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    var advisors = new List<(int Id, string Name)>();
    var cells = new Dictionary<(int Advisor, TimeOnly Start), (string Status, string Client)>();
    await using (var command = source.CreateCommand(
        "SELECT id, last_name, first_name, patronymic FROM service_advisors WHERE is_active ORDER BY last_name, first_name"))
    await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
    {
        while (await reader.ReadAsync(cancellationToken))
        {
            var patronymic = reader.IsDBNull(3) ? null : reader.GetString(3);
            advisors.Add((reader.GetInt32(0), $"{reader.GetString(1)} {reader.GetString(2)[0]}.{(patronymic is null ? string.Empty : $" {patronymic[0]}.")}"));
        }
    }

    await using (var command = source.CreateCommand("SELECT advisor_id, start_time, status, client_id FROM bookings WHERE date = $1"))
    {
        command.Parameters.AddWithValue(day);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetInt32(0), reader.GetFieldValue<TimeOnly>(1));
            var status = reader.GetString(2);
            if (status == "Active" || !cells.ContainsKey(key))
            {
                cells[key] = (status, reader.GetString(3));
            }
        }
    }

    var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime;
    var html = new StringBuilder(64 * 1024);
    html.Append("<div id=\"booking-day\"><table class=\"table slot-grid\"><thead><tr><th>Время</th>");
    foreach (var advisor in advisors)
    {
        html.Append("<th>").Append(WebUtility.HtmlEncode(advisor.Name)).Append("</th>");
    }

    html.Append("</tr></thead><tbody>");
    for (var start = new TimeOnly(8, 0); start < new TimeOnly(20, 0); start = start.AddMinutes(30))
    {
        var time = start.ToString("HH:mm", CultureInfo.InvariantCulture);
        html.Append("<tr><th>").Append(time).Append("</th>");
        foreach (var advisor in advisors)
        {
            var state = cells.TryGetValue((advisor.Id, start), out var cell)
                ? cell.Status == "Active" ? cell.Client == viewer ? "own" : "busy" : "cancelled"
                : day.ToDateTime(start) <= now ? "closed" : "free";
            html.Append("<td class=\"slot slot-").Append(state).Append("\" data-time=\"").Append(time)
                .Append("\" data-advisor=\"").Append(advisor.Id).Append("\">");
            if (state is "free" or "cancelled")
            {
                html.Append("<button hx-get=\"/Booking?handler=Panel&date=").Append(date).Append("&time=").Append(time)
                    .Append("&advisorId=").Append(advisor.Id).Append("\">").Append(time).Append(", ")
                    .Append(WebUtility.HtmlEncode(advisor.Name)).Append(": ").Append(state).Append("</button>");
            }
            else
            {
                html.Append(state);
            }

            html.Append("</td>");
        }

        html.Append("</tr>");
    }

    html.Append("</tbody></table></div>");
    return Results.Content(html.ToString(), "text/html; charset=utf-8");
});

app.Run();
