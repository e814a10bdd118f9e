// A burst of pick-up agreements: every client of a waiting proposal agrees at the same moment through their answer link
// (the proposal email's, as the site's `pickup-answer-links agree` prints them), as a browser does. First, before the
// clock starts, each link is opened (GET: the answer page with its form; the antiforgery cookie and the form's token
// kept for that link alone, as each client's own browser keeps them). Then all the forms are posted at once (POST to
// the link's URL with its cookie and token), and PostgreSQL is asked every 50 ms whether the burst has settled: no
// request left waiting for its client, and every agreed request either has a driver or is in the queue of a district
// with no free driver (an active driver serving it with no active job). Measured from the first POST to the first poll
// that found it settled, with the CPU time the site and PostgreSQL spent meanwhile.
//
// Several rounds, as the other scenarios warm up before they measure: between two rounds the burst's requests are put
// back to waiting for their client with plain SQL (as AssignRace resets its orders), and the next round opens the links
// afresh. The first round runs the agreement's code for the first time in the site's life (compiled as it goes); the
// last is what is judged. Prints each round on stderr and one RESULT line (the last round, and every round's settle
// time) for bench/run.sh; exits non-zero when in any round an answer failed, a driver held two active jobs or a request
// was lost or left beside a free driver, or when the last round took the limit or longer.
//   PickupBurst <site> <connection> <links file> [limit ms, 5000] [connections, 256] [rounds, 1] [site pid]
// With PICKUP_BURST_TOKEN set (an API token of the desk's, scope dispatch), the burst publishes jobs instead, as a
// dispatch service does (seed 003, POST /api/v1/jobs): the file has one line per job (client id, car id, district id),
// nothing is opened first, and the jobs are told apart by their comment; between rounds the round's jobs are deleted.
// The links file has one line per request: its id and the path of its agree link (tab-separated). With the site's
// process id the CPU time is read from /proc (the site's, and every postgres process's with its reaped children).
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: PickupBurst <site> <connection> <links file> [limit ms] [connections] [rounds] [site pid]");
    return 2;
}

var (site, connectionString) = (new Uri(args[0]), args[1]);
var apiToken = Environment.GetEnvironmentVariable("PICKUP_BURST_TOKEN") is { Length: > 0 } given ? given : null;
const string JobMarker = "Стенд: публикация";
var lines = File.ReadAllLines(args[2]).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToArray();
var links = apiToken is null
    ? lines.Select(p => (Id: int.Parse(p[0], CultureInfo.InvariantCulture), Path: p[1])).ToArray()
    : lines.Select((p, i) => (Id: i, Path: string.Empty)).ToArray();
var tomorrow = DateTime.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
int Option(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var (limitMs, connections, rounds, sitePid) = (Option(3, 5000), Option(4, 256), Option(5, 1), Option(6, 0));
var ids = links.Select(l => l.Id).ToArray();

// Cookies by hand (one handler, so that the burst shares a pool of connections; each link its own cookie, as its
// client's browser would have).
using var http = new HttpClient(new SocketsHttpHandler
{
    UseCookies = false,
    AllowAutoRedirect = false,
    MaxConnectionsPerServer = connections,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
})
{
    BaseAddress = site,
    Timeout = TimeSpan.FromMinutes(2),
};

await using var db = new NpgsqlDataSourceBuilder(connectionString).Build();
await using var poll = await db.OpenConnectionAsync();
// The cluster's postmaster (the parent of this connection's backend), whose processes are PostgreSQL's CPU time.
var postmaster = 0;
if (sitePid > 0)
{
    await using var backend = new NpgsqlCommand("SELECT pg_backend_pid()", poll);
    postmaster = ParentOf((int)(await backend.ExecuteScalarAsync())!);
}

var results = new List<Round>();
for (var round = 1; round <= rounds; round++)
{
    if (round > 1 && apiToken is not null)
    {
        // The round's jobs go (their drivers are free again): the next round publishes them afresh.
        await using var clear = new NpgsqlCommand("DELETE FROM pickup_requests WHERE comment = @marker", poll);
        clear.Parameters.AddWithValue("marker", JobMarker);
        await clear.ExecuteNonQueryAsync();
    }
    else if (round > 1)
    {
        await using var reset = new NpgsqlCommand(
            "UPDATE pickup_requests SET status = 'AwaitingClient', answered_at = NULL, driver_id = NULL, assigned_at = NULL WHERE id = ANY (@ids)", poll);
        reset.Parameters.AddWithValue("ids", ids);
        await reset.ExecuteNonQueryAsync();
    }

    if (await RunAsync(round) is not { } result)
    {
        return 1;
    }

    results.Add(result);
    Console.Error.WriteLine($"round {round}: {result.Line}");
}

var last = results[^1];
var broken = results.Any(r => r.Failed > 0 || r.Doubles > 0 || r.Lost > 0 || r.Stranded > 0);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT {last.Line} rounds={rounds} settle_rounds={string.Join(',', results.Select(r => Ms(r.SettleMs)))} broken_rounds={results.Count(r => r.Failed > 0 || r.Doubles > 0 || r.Lost > 0 || r.Stranded > 0)}"));
return !broken && last.SettleMs is { } ms && ms < limitMs ? 0 : 1;

async Task<Round?> RunAsync(int round)
{
    var before = await StateAsync(poll, ids, apiToken is null ? null : JobMarker, links.Length);
    if (before.Awaiting != links.Length)
    {
        Console.Error.WriteLine($"{links.Length} links but {before.Awaiting} of their requests wait for the client.");
        return null;
    }

    // The assignments to expect: in each district, as many as it has free drivers, at most its requests.
    var expected = 0;
    await using (var command = new NpgsqlCommand("""
        SELECT count(*)::int, (SELECT count(*)::int FROM drivers d WHERE d.is_active AND r.district_id = ANY (d.district_ids)
                                 AND NOT EXISTS (SELECT 1 FROM pickup_requests j WHERE j.driver_id = d.user_id AND j.status = 'InProgress'))
        FROM (SELECT district_id FROM pickup_requests WHERE id = ANY (@ids) AND @jobs IS NULL
              UNION ALL SELECT unnest(@jobs::int[])) r GROUP BY r.district_id
        """, poll))
    {
        command.Parameters.AddWithValue("ids", apiToken is null ? ids : Array.Empty<int>());
        command.Parameters.Add(new NpgsqlParameter("jobs", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer)
        {
            Value = apiToken is null ? DBNull.Value : lines.Select(l => int.Parse(l[2], CultureInfo.InvariantCulture)).ToArray(),
        });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            expected += Math.Min(reader.GetInt32(0), reader.GetInt32(1));
        }
    }

    // Every link opened, a few at a time, before the clock starts.
    var prepared = new (string Cookie, string Token)[links.Length];
    var prepClock = Stopwatch.StartNew();
    var prepFailures = new ConcurrentBag<string>();
    await Parallel.ForEachAsync(Enumerable.Range(0, apiToken is null ? links.Length : 0), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, token) =>
    {
        using var page = await http.GetAsync(links[i].Path, token);
        var html = await page.Content.ReadAsStringAsync(token);
        var form = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (page.StatusCode != HttpStatusCode.OK || !html.Contains("data-testid=\"answer-form\"", StringComparison.Ordinal) || !form.Success)
        {
            prepFailures.Add($"GET {links[i].Id}: {(int)page.StatusCode}");
            return;
        }

        var cookie = string.Join("; ", page.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        prepared[i] = (cookie, form.Groups[1].Value);
    });
    var prepSeconds = prepClock.Elapsed.TotalSeconds;
    if (!prepFailures.IsEmpty)
    {
        foreach (var failure in prepFailures.Take(10))
        {
            Console.Error.WriteLine(failure);
        }

        Console.Error.WriteLine($"{prepFailures.Count} of {links.Length} answer pages did not offer the form.");
        return null;
    }

    // The burst.
    var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    var clock = new Stopwatch();
    var posts = links.Select(async (link, i) =>
    {
        await start.Task;
        var started = clock.Elapsed.TotalMilliseconds;
        try
        {
            using var request = apiToken is null
                ? new HttpRequestMessage(HttpMethod.Post, link.Path)
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = prepared[i].Token }),
                }
                : new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs")
                {
                    Content = new StringContent(string.Create(CultureInfo.InvariantCulture,
                        $$"""{"clientId":"{{lines[i][0]}}","carId":{{lines[i][1]}},"districtId":{{lines[i][2]}},"address":"ул. Стендовая, {{i + 1}}","date":"{{tomorrow}}","windowFrom":"10:00","windowTo":"13:00","comment":"{{JobMarker}}","price":2500}"""),
                        System.Text.Encoding.UTF8, "application/json"),
                };
            if (apiToken is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiToken);
            }
            else if (prepared[i].Cookie.Length > 0)
            {
                request.Headers.Add("Cookie", prepared[i].Cookie);
            }

            using var answer = await http.SendAsync(request);
            var html = await answer.Content.ReadAsStringAsync();
            if (apiToken is not null)
            {
                // "agreed" stands for published here: a 201 with the job's state (Assigned or Queued).
                var state = Regex.Match(html, "\"state\":\"(\\w+)\"");
                return new Answer((int)answer.StatusCode, answer.StatusCode == HttpStatusCode.Created && state.Success ? "agreed" : "told: " + html[..Math.Min(200, html.Length)],
                    started, clock.Elapsed.TotalMilliseconds);
            }

            var outcome = Regex.Match(html, "<div class=\"alert ([^\"]+)\" role=\"status\" data-testid=\"answer-outcome\">([^<]*)<");
            return new Answer((int)answer.StatusCode,
                outcome.Success ? (outcome.Groups[1].Value == "alert-success" ? "agreed" : "told: " + outcome.Groups[2].Value.Trim()) : "no outcome",
                started, clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return new Answer(0, "failed: " + error.GetType().Name, started, clock.Elapsed.TotalMilliseconds);
        }
    }).ToList();

    double? agreedMs = null, settleMs = null, answeredAt = null;
    var (maxDoubles, polls, answered) = (0L, 0, 0);
    var (siteCpu, pgCpu) = (SiteCpuMs(), PostgresCpuMs());
    clock.Start();
    start.SetResult();
    var all = Task.WhenAll(posts);
    _ = all.ContinueWith(_ => Interlocked.Exchange(ref answered, 1), TaskScheduler.Default);
    while (true)
    {
        var state = await StateAsync(poll, ids, apiToken is null ? null : JobMarker, links.Length);
        var at = clock.Elapsed.TotalMilliseconds;
        polls++;
        maxDoubles = Math.Max(maxDoubles, state.Doubles);
        if (state.Awaiting == 0)
        {
            agreedMs ??= at;
            if (state.Stranded == 0)
            {
                settleMs = at;
                break;
            }
        }

        if (Volatile.Read(ref answered) == 1)
        {
            answeredAt ??= at;
            if (at - answeredAt > 15000)
            {
                break; // every answer is in and the database has not settled for 15 s: it will not (the sweep is off)
            }
        }

        await Task.Delay(50);
    }

    (siteCpu, pgCpu) = (SiteCpuMs() - siteCpu, PostgresCpuMs() - pgCpu);
    var answers = await all;
    var after = await StateAsync(poll, ids, apiToken is null ? null : JobMarker, links.Length);
    maxDoubles = Math.Max(maxDoubles, after.Doubles);
    foreach (var group in answers.GroupBy(r => $"{r.Status} {r.Outcome}").OrderByDescending(g => g.Count()))
    {
        Console.Error.WriteLine($"{group.Count(),5}  {group.Key}");
    }

    var latencies = answers.Select(r => r.Ended - r.Started).Order().ToList();
    double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p / 100 * latencies.Count) - 1)];
    var failed = answers.Count(r => r.Status is < 200 or >= 400);
    var lost = links.Length - (after.Assigned + after.Queued);
    var line = string.Create(CultureInfo.InvariantCulture,
        $"posts={answers.Length} connections={connections} failed={failed} errors5xx={answers.Count(r => r.Status >= 500)} agreed={answers.Count(r => r.Outcome == "agreed")} assigned={after.Assigned} queued={after.Queued} expected_assigned={expected} doubles={maxDoubles} lost={lost} awaiting={after.Awaiting} stranded={after.Stranded} agreed_ms={Ms(agreedMs)} settle_ms={Ms(settleMs)} answered_ms={answers.Max(r => r.Ended):F0} p50_ms={Percentile(50):F1} p99_ms={Percentile(99):F1} polls={polls} prep_s={prepSeconds:F1} site_cpu_ms={Ms(siteCpu)} pg_cpu_ms={Ms(pgCpu)}");
    return new Round(line, settleMs, failed, maxDoubles, lost, after.Stranded);
}

// CPU time in milliseconds from /proc (utime and stime in clock ticks, 100 a second on Linux); null without the site's pid.
double? SiteCpuMs() => sitePid > 0 && Stat(sitePid) is { } stat ? (stat[14] + stat[15]) * 10 : null;

// The cluster's processes (the postmaster and its children: backends, background workers), with the children the
// postmaster has reaped, so that backends that ended meanwhile are counted too. Another cluster's are not.
double? PostgresCpuMs()
{
    if (postmaster == 0)
    {
        return null;
    }

    long total = 0;
    foreach (var directory in Directory.EnumerateDirectories("/proc"))
    {
        if (int.TryParse(Path.GetFileName(directory), out var pid) && Stat(pid) is { } stat && (pid == postmaster || stat[4] == postmaster))
        {
            total += stat[14] + stat[15] + (pid == postmaster ? stat[16] + stat[17] : 0);
        }
    }

    return total * 10;
}

static int ParentOf(int pid) => Stat(pid) is { } stat ? (int)stat[4] : 0;

// /proc/<pid>/stat's numeric fields by their number in proc(5) (4: ppid, 14-17: utime, stime, cutime, cstime); null
// when the process is gone.
static Dictionary<int, long>? Stat(int pid)
{
    try
    {
        var text = File.ReadAllText($"/proc/{pid}/stat");
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ", field 3 (state) first
        return new[] { 4, 14, 15, 16, 17 }.ToDictionary(n => n, n => long.Parse(fields[n - 3], CultureInfo.InvariantCulture));
    }
    catch (IOException)
    {
        return null;
    }
}

static string Ms(double? value) => value is { } v ? v.ToString("F0", CultureInfo.InvariantCulture) : "never";

// Where the burst's requests are: waiting for the client (with a marker, the jobs not published yet: the expected
// count less those with the marker as their comment); in progress with a driver; in progress without one; "stranded"
// (no driver though a driver of the district is free: the dispatch is still at it, or left it); and how many drivers
// hold two active jobs.
static async Task<(int Awaiting, int Assigned, int Queued, int Stranded, long Doubles)> StateAsync(NpgsqlConnection connection, int[] ids, string? marker, int expected)
{
    await using var command = new NpgsqlCommand("""
        WITH busy AS (SELECT driver_id FROM pickup_requests WHERE status = 'InProgress' AND driver_id IS NOT NULL),
             free AS (SELECT DISTINCT unnest(d.district_ids) AS district_id FROM drivers d
                      WHERE d.is_active AND d.user_id NOT IN (SELECT driver_id FROM busy))
        SELECT CASE WHEN @marker::text IS NULL THEN count(*) FILTER (WHERE r.status = 'AwaitingClient') ELSE @expected - count(*) END::int,
               count(*) FILTER (WHERE r.status = 'InProgress' AND r.driver_id IS NOT NULL)::int,
               count(*) FILTER (WHERE r.status = 'InProgress' AND r.driver_id IS NULL)::int,
               count(*) FILTER (WHERE r.status = 'InProgress' AND r.driver_id IS NULL AND r.district_id IN (SELECT district_id FROM free))::int,
               (SELECT count(*) FROM (SELECT 1 FROM busy GROUP BY driver_id HAVING count(*) > 1) x)
        FROM pickup_requests r WHERE (@marker::text IS NULL AND r.id = ANY (@ids)) OR r.comment = @marker::text
        """, connection);
    command.Parameters.AddWithValue("ids", ids);
    command.Parameters.Add(new NpgsqlParameter("marker", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)marker ?? DBNull.Value });
    command.Parameters.AddWithValue("expected", expected);
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt64(4));
}

internal sealed record Answer(int Status, string Outcome, double Started, double Ended);

internal sealed record Round(string Line, double? SettleMs, int Failed, long Doubles, int Lost, int Stranded);
