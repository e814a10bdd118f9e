using System.Net;
using System.Text;
using ServiceBooking.Domain.Api;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Api;

/// <summary>Bad bodies, unknown paths and retried creating calls: problem details, never a 500, never a second thing made.</summary>
public sealed class ApiBehaviourTests(BookingFixture fixture) : ApiTest(fixture)
{
    private async Task<HttpClient> AdminApiAsync() => Api(await TokenAsync(await AdminIdAsync(), ApiScopes.Read, ApiScopes.Dispatch));

    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("{\"name\": ", "name")]
    [InlineData("{\"name\": 12}", "name")]
    [InlineData("[1, 2]", "")]
    public async Task A_body_that_is_not_the_calls_JSON_is_a_400_naming_where(string body, string field)
    {
        var http = await AdminApiAsync();

        using var answer = await http.PostAsync("/api/v1/districts", Raw(body));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(answer);
        Assert.Equal("Api.BadJson", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_body_too_large_is_a_413_and_a_wrong_media_type_a_415_both_as_problem_details()
    {
        var http = await AdminApiAsync();

        using var large = await http.PostAsync("/api/v1/districts", Raw("{\"name\": \"" + new string('а', 70_000) + "\"}"));
        // Without a length given (sent in chunks), the body is cut off where it passes the limit.
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/v1/districts")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"name\": \"" + new string('а', 70_000) + "\"}"))),
        };
        chunked.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        chunked.Content.Headers.ContentLength = null;
        using var streamed = await http.SendAsync(chunked);
        using var form = await http.PostAsync("/api/v1/districts", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Северный" }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("Api.TooLarge", (await JsonAsync(large)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Equal(0, await DbAsync(db => Task.FromResult(db.Districts.Count())));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal("application/problem+json", form.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_path_or_method_is_a_404_or_405_as_problem_details()
    {
        var http = await AdminApiAsync();

        using var unknown = await http.GetAsync("/api/v1/nothing-here");
        using var method = await http.DeleteAsync("/api/v1/districts");

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (unknown.StatusCode, unknown.Content.Headers.ContentType?.MediaType));
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "application/problem+json"), (method.StatusCode, method.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task A_creating_call_retried_with_its_idempotency_key_creates_one_thing_and_answers_the_same()
    {
        var desk = Api(await TokenAsync(await StaffAsync("desk", Roles.Manager), ApiScopes.Dispatch));
        var district = await DistrictAsync("Центральный");
        var (_, carId) = await ClientWithRioAsync("anna");
        var job = Job(await UserIdAsync("anna"), carId, district);

        using var first = await PostAsync(desk, "/api/v1/jobs", job, "job-42");
        using var retried = await PostAsync(desk, "/api/v1/jobs", job, "job-42");
        using var other = await PostAsync(desk, "/api/v1/jobs", Job(await UserIdAsync("anna"), carId, district, "ул. Мира, 1"), "job-42");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retried.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retried.Headers.Location);
        Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(1, await DbAsync(db => Task.FromResult(db.PickupRequests.Count())));
    }

    [Fact]
    public async Task Ten_retries_of_a_creating_call_racing_with_one_key_create_one_thing()
    {
        var desk = Api(await TokenAsync(await StaffAsync("desk", Roles.Manager), ApiScopes.Dispatch));
        var district = await DistrictAsync("Центральный");
        var (_, carId) = await ClientWithRioAsync("anna");
        var job = Job(await UserIdAsync("anna"), carId, district);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => PostAsync(desk, "/api/v1/jobs", job, "race-1"))));

        Assert.Equal(1, await DbAsync(db => Task.FromResult(db.PickupRequests.Count())));
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created && !a.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint_of_the_API_with_its_responses_and_the_public_server()
    {
        using var answer = await Api().GetAsync("/api/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var document = await JsonAsync(answer);
        var paths = document.GetProperty("paths");

        foreach (var (method, path) in ApiAccessMatrixTests.Endpoints(Fixture.Site.Services))
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the document");
            Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is not in the document");
            var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.Contains(responses, r => r.StartsWith('2'));
            if (!path.StartsWith("/api/v1/auth/sign-in", StringComparison.Ordinal) && !path.StartsWith("/api/v1/auth/refresh", StringComparison.Ordinal))
            {
                Assert.Contains("401", responses);
                Assert.Contains("403", responses);
            }
        }

        Assert.Equal("http://localhost", document.GetProperty("servers")[0].GetProperty("url").GetString());
        using var docs = await Fixture.Site.CreateClient().GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }
}
