// Supervisors give mechanics orders at the same moment, as people do: each signs in through the site's form (a browser
// of their own: cookies, the antiforgery token of the order page's form), then in every round all of them post the
// assignment form (POST /Orders/Assign?id=…, field mechanicId) at once, each for an order and a mechanic picked at
// random, so that two supervisors often pick the same mechanic or the same order. Each answer must be the redirect back
// to the order's page, and that page must say what happened: "given to …" or why not (the mechanic has an order, was
// given one a moment ago, the order changed meanwhile). After each round PostgreSQL is asked whether any mechanic holds
// two active orders; then the round's orders are put back to "not assigned" with plain SQL (a reset for the next
// round, outside the site and its audit trail). Prints one RESULT line for bench/run.sh.
//   AssignRace <site> <connection> <password> <rounds> <supervisors file> <mechanics file> <orders file>
// The files have one nickname (supervisors), user id (mechanics) or order id (orders) per line.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;

if (args.Length < 7)
{
    Console.Error.WriteLine("usage: AssignRace <site> <connection> <password> <rounds> <supervisors file> <mechanics file> <orders file>");
    return 2;
}

var (site, connectionString, password, rounds) = (new Uri(args[0]), args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
string[] Lines(string path) => [.. File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0)];
var (nicknames, mechanics) = (Lines(args[4]), Lines(args[5]));
var orders = Lines(args[6]).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();

var supervisors = await Task.WhenAll(nicknames.Select(async nickname =>
{
    var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site };
    var login = await client.GetStringAsync("/Account/Login");
    using var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Input.Login"] = nickname,
        ["Input.Password"] = password,
        ["__RequestVerificationToken"] = Token(login),
    }));
    if (signIn.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"{nickname} could not sign in: {(int)signIn.StatusCode}");
    }

    // The token of the assignment form, as the order page gives it to this supervisor.
    return (Client: client, Token: Token(await client.GetStringAsync($"/Orders/{orders[0]}")));
}));

var outcomes = new Dictionary<string, int>();
var latencies = new List<double>();
var (posts, errors, doubles) = (0, 0, 0);
var assignedAfterRounds = new List<int>();
await using var db = new NpgsqlDataSourceBuilder(connectionString).Build();
for (var round = 1; round <= rounds; round++)
{
    var random = new Random(round);
    var picks = supervisors.Select(_ => (Order: orders[random.Next(orders.Length)], Mechanic: mechanics[random.Next(mechanics.Length)])).ToArray();
    var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    var attempts = supervisors.Select(async (supervisor, i) =>
    {
        await start.Task;
        var (order, mechanic) = picks[i];
        var clock = Stopwatch.StartNew();
        using var posted = await supervisor.Client.PostAsync($"/Orders/Assign?id={order}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["mechanicId"] = mechanic,
            ["__RequestVerificationToken"] = supervisor.Token,
        }));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var location = posted.Headers.Location?.ToString();
        if (posted.StatusCode != HttpStatusCode.Redirect || location != $"/Orders/{order}")
        {
            return (elapsed, Outcome: $"answer {(int)posted.StatusCode} {location}");
        }

        // The page the supervisor lands on says what came of it (TempData, read once).
        using var landed = await supervisor.Client.GetAsync(location);
        return (elapsed, Outcome: landed.IsSuccessStatusCode ? Outcome(await landed.Content.ReadAsStringAsync()) : $"page {(int)landed.StatusCode}");
    }).ToList();
    start.SetResult();
    foreach (var (elapsed, outcome) in await Task.WhenAll(attempts))
    {
        posts++;
        latencies.Add(elapsed);
        outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        if (outcome.StartsWith("answer 5", StringComparison.Ordinal) || outcome.StartsWith("page 5", StringComparison.Ordinal))
        {
            errors++;
        }
    }

    await using (var check = db.CreateCommand("""
        SELECT (SELECT count(*) FROM (SELECT 1 FROM work_orders WHERE status IN ('Assigned', 'InProgress') GROUP BY mechanic_id HAVING count(*) > 1) d),
               (SELECT count(*) FROM work_orders WHERE id = ANY(@orders) AND status = 'Assigned')
        """))
    {
        check.Parameters.AddWithValue("orders", orders);
        await using var reader = await check.ExecuteReaderAsync();
        await reader.ReadAsync();
        doubles += (int)reader.GetInt64(0);
        assignedAfterRounds.Add((int)reader.GetInt64(1));
    }

    await using var reset = db.CreateCommand("UPDATE work_orders SET status = 'NotAssigned', mechanic_id = NULL, assigned_at = NULL WHERE id = ANY(@orders)");
    reset.Parameters.AddWithValue("orders", orders);
    await reset.ExecuteNonQueryAsync();
}

foreach (var (outcome, count) in outcomes.OrderByDescending(o => o.Value))
{
    Console.Error.WriteLine($"{count,5}  {outcome}");
}

latencies.Sort();
double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p / 100 * latencies.Count) - 1)];
int Count(string outcome) => outcomes.GetValueOrDefault(outcome);
var told = Count("given") + Count("busy") + Count("taken") + Count("changed");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT rounds={rounds} supervisors={supervisors.Length} mechanics={mechanics.Length} orders={orders.Length} posts={posts} given={Count("given")} busy={Count("busy")} taken={Count("taken")} changed={Count("changed")} untold={posts - told} errors={errors} doubles={doubles} assigned={string.Join(',', assignedAfterRounds)} p50_ms={Percentile(50):F1} p99_ms={Percentile(99):F1}"));
return errors == 0 && doubles == 0 && told == posts ? 0 : 1;

static string Token(string page) =>
    Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"") is { Success: true } form
        ? form.Groups[1].Value
        : Regex.Match(page, "<meta name=\"csrf-token\" content=\"([^\"]+)\"") is { Success: true } meta
            ? meta.Groups[1].Value
            : throw new InvalidOperationException("No antiforgery token on the page.");

// What the order page says after the redirect (Russian, the site's default): the status line of a success, or the
// assignment form's error.
static string Outcome(string page)
{
    var error = Regex.Match(page, "data-testid=\"assign-error\">([^<]*)<").Groups[1].Value.Trim();
    return Regex.IsMatch(page, "data-testid=\"status-message\">[^<]*назначен") ? "given"
        : error.Contains("уже есть заказ", StringComparison.Ordinal) ? "busy"
        : error.Contains("только что получил", StringComparison.Ordinal) ? "taken"
        : error.Contains("только что изменили", StringComparison.Ordinal) ? "changed"
        : error.Length > 0 ? $"other: {error}"
        : "no message";
}
