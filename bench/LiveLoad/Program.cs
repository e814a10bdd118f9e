// Opens many server-sent-event streams of one day's grid on the site (half the desk's, half a client's), then commits
// bookings of that day straight into PostgreSQL one after another, and measures for every stream how long each commit
// took to reach it: from the moment COMMIT was sent to the moment the stream read the first event ("cells", or
// "resync": re-fetch the grid) whose id is the version that booking gave the day or a later one (a stream that wakes
// after two commits sends both changes at once). Prints one RESULT line for bench/run.sh.
//   LiveLoad <site> <connection> <date> <streams> <desk cookie> <client cookie> <bookings file> [pause ms]
// The bookings file has one line per booking: time, advisor id, client id, car id, repair type id (tab-separated).
using System.Diagnostics;
using System.Globalization;
using System.Net.ServerSentEvents;
using Npgsql;

if (args.Length < 7)
{
    Console.Error.WriteLine("usage: LiveLoad <site> <connection> <date> <streams> <desk cookie> <client cookie> <bookings file> [pause ms]");
    return 2;
}

var (site, connectionString, date, streamCount) = (new Uri(args[0]), args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
var (deskCookie, clientCookie) = (args[4], args[5]);
var bookings = File.ReadAllLines(args[6]).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
var pause = TimeSpan.FromMilliseconds(args.Length > 7 ? int.Parse(args[7], CultureInfo.InvariantCulture) : 250);

var clock = Stopwatch.StartNew();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = site,
    Timeout = Timeout.InfiniteTimeSpan,
};
using var stop = new CancellationTokenSource();
var arrivals = new List<List<(long Version, double At)>>();
var opened = 0;
var failed = 0;
var readers = new List<Task>();
for (var i = 0; i < streamCount; i++)
{
    var desk = i % 2 == 0;
    var seen = new List<(long Version, double At)>();
    arrivals.Add(seen);
    readers.Add(Task.Run(async () =>
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, desk ? $"/Manager/Calendar/live?date={date}" : $"/Booking/live?date={date}");
            request.Headers.Add("Cookie", desk ? deskCookie : clientCookie);
            request.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
            response.EnsureSuccessStatusCode();
            Interlocked.Increment(ref opened);
            await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(stop.Token))
            {
                if (item.EventType is "cells" or "resync" && long.TryParse(item.EventId, CultureInfo.InvariantCulture, out var version))
                {
                    lock (seen)
                    {
                        seen.Add((version, clock.Elapsed.TotalMilliseconds));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            if (Interlocked.Increment(ref failed) <= 3)
            {
                Console.Error.WriteLine($"stream failed: {error.Message}");
            }
        }
    }));
}

for (var wait = 0; Volatile.Read(ref opened) + Volatile.Read(ref failed) < streamCount && wait < 600; wait++)
{
    await Task.Delay(100);
}

Console.Error.WriteLine($"{opened} streams open, {failed} failed");
await Task.Delay(1000);

// Each booking in its own transaction; its version is read inside it (the trigger has run), and the clock starts when
// COMMIT is sent: NOTIFY leaves PostgreSQL at commit.
var commits = new Dictionary<long, double>();
await using (var connection = new NpgsqlConnection(connectionString))
{
    await connection.OpenAsync();
    foreach (var booking in bookings)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO bookings (date, start_time, advisor_id, client_id, car_id, repair_type_id, status, booked_by_id, booked_at,
                                  cancelled_by_staff, quote_repair_type_name, quote_labour, quote_parts, quote_oil, quote_total)
            VALUES (@date, @time, @advisor, @client, @car, @type, 'Active', @client, now(), false, 'Диагностика', 2310, 0, 0, 2310)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("date", DateOnly.Parse(date, CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("time", TimeOnly.Parse(booking[0], CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("advisor", int.Parse(booking[1], CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("client", booking[2]);
            insert.Parameters.AddWithValue("car", int.Parse(booking[3], CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("type", int.Parse(booking[4], CultureInfo.InvariantCulture));
            await insert.ExecuteNonQueryAsync();
        }

        long version;
        await using (var read = new NpgsqlCommand($"SELECT max(version) FROM live_versions WHERE topic IN ('calendar', 'day:{date}')", connection, transaction))
        {
            version = (long)(await read.ExecuteScalarAsync())!;
        }

        var sent = clock.Elapsed.TotalMilliseconds;
        await transaction.CommitAsync();
        commits[version] = sent;
        await Task.Delay(pause);
    }
}

await Task.Delay(3000);
await stop.CancelAsync();
await Task.WhenAll(readers);

// Every (stream, booking) pair: delivered, and how long after its commit.
var latencies = new List<double>();
var missing = 0;
foreach (var seen in arrivals)
{
    lock (seen)
    {
        foreach (var (version, sent) in commits)
        {
            var reached = seen.FirstOrDefault(e => e.Version >= version && e.At >= sent);
            if (reached.Version != 0)
            {
                latencies.Add(reached.At - sent);
            }
            else
            {
                missing++;
            }
        }
    }
}

latencies.Sort();
double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p / 100 * latencies.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT streams={opened} failed={failed} bookings={commits.Count} deliveries={latencies.Count} missing={missing} p50_ms={Percentile(50):F1} p99_ms={Percentile(99):F1} max_ms={(latencies.Count == 0 ? 0 : latencies[^1]):F1}"));
return failed == 0 && missing == 0 ? 0 : 1;
