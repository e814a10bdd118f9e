using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ServiceBooking.Tests.Infrastructure;

/// <summary>
/// Drives the site's pages over HTTP the way a browser without JavaScript would: keeps cookies, follows redirects,
/// and submits forms with every field the form already holds (the antiforgery token included).
/// </summary>
public sealed class HtmlClient(HttpClient http)
{
    public HttpClient Http => http;

    public static HtmlClient For(SiteFactory site, bool followRedirects = true) =>
        new(site.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = followRedirects,
            BaseAddress = new Uri("http://localhost"),
            HandleCookies = true,
        }));

    public async Task<HtmlPage> GetAsync(string url)
    {
        using var response = await http.GetAsync(url);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>
    /// Fills <paramref name="fields"/> (by input name) into the form and submits it; <paramref name="submitButton"/> (a
    /// selector inside the form) is the button pressed, whose <c>formaction</c> replaces the form's.
    /// </summary>
    public async Task<HtmlPage> SubmitAsync(
        HtmlPage page, string formSelector, IDictionary<string, string>? fields = null, string? submitName = null, string? submitValue = null, string? submitButton = null)
    {
        var (form, action, values) = Fill(page, formSelector, fields, submitName, submitValue);
        if (submitButton is not null)
        {
            action = form.QuerySelector(submitButton)?.GetAttribute("formaction") ?? throw new InvalidOperationException($"No button '{submitButton}' with a formaction.");
        }

        using var content = new FormUrlEncodedContent(values);
        using var response = await http.PostAsync(action, content);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>
    /// Submits the form as multipart/form-data, as a browser does for a form with file inputs: <paramref name="files"/>
    /// by input name; a file input without one is sent as a browser sends "no file chosen" (an empty part, no file name).
    /// </summary>
    public async Task<HtmlPage> SubmitWithFilesAsync(
        HtmlPage page, string formSelector, IDictionary<string, string>? fields = null, IDictionary<string, UploadFile>? files = null)
    {
        files ??= new Dictionary<string, UploadFile>();
        var (form, action, values) = Fill(page, formSelector, fields, submitName: null, submitValue: null);
        var fileInputs = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => input.Type == "file" && !string.IsNullOrEmpty(input.Name))
            .Select(input => input.Name!)
            .ToHashSet();
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in values.Where(v => !fileInputs.Contains(v.Key) && !files.ContainsKey(v.Key)))
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var name in fileInputs.Where(name => !files.ContainsKey(name)))
        {
            var empty = new ByteArrayContent([]);
            empty.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"", FileName = "\"\"" };
            empty.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(empty);
        }

        foreach (var (name, file) in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            content.Add(part, name, file.FileName);
        }

        using var response = await http.PostAsync(action, content);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>
    /// What htmx does: a request marked <c>HX-Request</c>, and for a POST the antiforgery token (taken from
    /// <paramref name="tokenSource"/>'s csrf-token meta, as site.js does) in the header. Returns the fragment.
    /// </summary>
    public async Task<HtmlPage> HtmxAsync(string url, HtmlPage? tokenSource = null, IDictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(form is null ? HttpMethod.Get : HttpMethod.Post, url);
        request.Headers.Add("HX-Request", "true");
        if (form is not null)
        {
            var token = tokenSource?.Document.QuerySelector("meta[name=csrf-token]")?.GetAttribute("content")
                ?? throw new InvalidOperationException("A POST needs a page with the csrf-token meta.");
            request.Headers.Add("RequestVerificationToken", token);
            request.Content = new FormUrlEncodedContent(form);
        }

        using var response = await http.SendAsync(request);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>Posts raw fields to a URL (to test what the page refuses, such as a request without antiforgery token).</summary>
    public async Task<HttpResponseMessage> PostRawAsync(string url, IDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await http.PostAsync(url, content);
    }

    /// <summary>The form, where it posts to, and the fields it sends: what it holds, overridden by <paramref name="fields"/>.</summary>
    private static (IHtmlFormElement Form, string Action, List<KeyValuePair<string, string>> Values) Fill(
        HtmlPage page, string formSelector, IDictionary<string, string>? fields, string? submitName, string? submitValue)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                case IHtmlInputElement { Type: "submit" or "button" }:
                    continue;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.Add(new(select.Name, select.Value ?? string.Empty));
                    break;
            }
        }

        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }

        if (submitName is not null)
        {
            values.Add(new(submitName, submitValue ?? string.Empty));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : page.Url.PathAndQuery;
        return (form, action, values);
    }
}

public sealed class HtmlPage
{
    private static readonly HtmlParser Parser = new();

    private HtmlPage(HttpStatusCode status, Uri url, IDocument document, HttpResponseMessage response)
    {
        Status = status;
        Url = url;
        Document = document;
        Headers = response.Headers;
        ContentHeaders = response.Content.Headers;
    }

    public HttpStatusCode Status { get; }

    public Uri Url { get; }

    public IDocument Document { get; }

    public System.Net.Http.Headers.HttpResponseHeaders Headers { get; }

    public System.Net.Http.Headers.HttpContentHeaders ContentHeaders { get; }

    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlPage(response.StatusCode, response.RequestMessage!.RequestUri!, Parser.ParseDocument(html), response);
    }

    /// <summary>The trimmed text of the element with this <c>data-testid</c>, or null when there is none.</summary>
    public string? TestId(string testId) => Document.QuerySelector($"[data-testid='{testId}']")?.TextContent.Trim();

    public bool Has(string testId) => Document.QuerySelector($"[data-testid='{testId}']") is not null;

    /// <summary>The message shown next to a form field (empty when the field is fine).</summary>
    public string FieldError(string property) => TestId($"{property}-error") ?? string.Empty;

    /// <summary>The value a form field shows (what the user typed, kept after a failed submit).</summary>
    public string FieldValue(string property) =>
        Document.QuerySelector($"[data-testid='{property}']") switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            _ => throw new InvalidOperationException($"No field '{property}' on {Url}."),
        };

    public string FormErrors => Document.QuerySelector(".validation-summary-errors")?.TextContent.Trim() ?? string.Empty;

    public string Lang => Document.DocumentElement.GetAttribute("lang") ?? string.Empty;
}

/// <summary>A file to upload through <see cref="HtmlClient.SubmitWithFilesAsync"/>, with the name and type the browser would claim.</summary>
public sealed record UploadFile(string FileName, string ContentType, byte[] Content);
