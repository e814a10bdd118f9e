using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>
/// The command <c>pickup-answer-links [agree|decline]</c>: one line per request waiting for its client's answer, its id
/// and the path of its answer link (the proposal email's, signed alike), for the desk to pass on by phone or message
/// when an email went astray, and for the benchmark's burst of agreements. Only someone who runs the site's commands
/// on its server can use it.
/// </summary>
public static class AnswerLinks
{
    public const string Command = "pickup-answer-links";

    public static async Task<int> PrintAsync(IServiceProvider services, string[] options)
    {
        var answer = options.FirstOrDefault() ?? "agree";
        if (answer is not ("agree" or "decline"))
        {
            await Console.Error.WriteLineAsync($"usage: {Command} [agree|decline]");
            return 2;
        }

        var db = services.GetRequiredService<ApplicationDbContext>();
        var tokens = services.GetRequiredService<AnswerTokens>();
        var waiting = await db.PickupRequests.AsNoTracking().Where(r => r.Status == PickupStatus.AwaitingClient)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.ConfirmedAt }).ToListAsync();
        foreach (var request in waiting)
        {
            var path = QueryHelpers.AddQueryString(PickupEmails.AnswerPage, new Dictionary<string, string?>
            {
                ["token"] = tokens.For(request.Id, request.ConfirmedAt!.Value),
                ["answer"] = answer,
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{request.Id}\t{path}"));
        }

        return 0;
    }
}
