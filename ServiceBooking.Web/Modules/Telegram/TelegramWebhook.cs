using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ServiceBooking.Web.Modules.Telegram;

/// <summary>
/// <c>POST /telegram/webhook</c>: Telegram's delivery of one update, with the bot's secret in
/// <c>X-Telegram-Bot-Api-Secret-Token</c>. Without the secret (or with another) it is refused (401) and nothing is read;
/// an update handled before is answered 200 again and does nothing. A failure answers 500, and Telegram delivers the
/// update again later.
/// </summary>
public static class TelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/" + TelegramSetup.WebhookPath, ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> ReceiveAsync(HttpRequest request, TelegramBots bots, TelegramUpdates updates, CancellationToken cancellationToken)
    {
        var bot = bots.Current ?? await bots.RefreshAsync(cancellationToken);
        if (bot is null || !SameSecret(request.Headers[SecretHeader].ToString(), bot.WebhookSecret))
        {
            return Results.Unauthorized();
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (update is null)
        {
            return Results.BadRequest();
        }

        await updates.HandleAsync(update, cancellationToken);
        return Results.Ok();
    }

    private static bool SameSecret(string sent, string expected) =>
        sent.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));
}
