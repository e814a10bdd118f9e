using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Api;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Api;

/// <summary>An application's token as the Admin's list shows it (never the secret).</summary>
public sealed record ApiTokenRow(
    int Id, string Name, string Prefix, IReadOnlyList<string> Scopes, string ActsAs, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>A staff account a token may act as.</summary>
public sealed record ApiAccountOption(string Id, string Nickname, IReadOnlyList<string> Roles);

/// <summary>A token just issued: the only time its whole value is known.</summary>
public sealed record IssuedToken(int Id, string Token);

/// <summary>
/// The Admin's side of application tokens (PRODUCT.md section K; seed 000: "a token issued separately for the bots and
/// for the site"): issued with a name, scopes and the staff account the application acts as; shown once and stored as a
/// hash; listed with their last use; revoked (effective within <see cref="ApiCallers.CachedFor"/> everywhere). Every
/// issue and revocation is in the audit trail.
/// </summary>
public sealed class ApiTokens(ApplicationDbContext db, ApiCallers callers, TimeProvider time)
{
    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(CancellationToken cancellationToken) =>
        await (from t in db.ApiTokens.AsNoTracking()
               join actor in db.Users on t.UserId equals actor.Id
               join admin in db.Users on t.CreatedById equals admin.Id
               orderby t.RevokedAt != null, t.CreatedAt descending
               select new ApiTokenRow(t.Id, t.Name, t.Prefix, t.Scopes, actor.UserName!, admin.UserName!, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);

    /// <summary>The accounts a token may act as: staff (any role but Client only), by nickname.</summary>
    public async Task<IReadOnlyList<ApiAccountOption>> AccountsAsync(CancellationToken cancellationToken)
    {
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where r.Name != Roles.Client
                          select new { u.Id, u.UserName, Role = r.Name! }).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => (r.Id, r.UserName)).OrderBy(g => g.Key.UserName, StringComparer.Ordinal)
            .Select(g => new ApiAccountOption(g.Key.Id, g.Key.UserName ?? g.Key.Id, [.. g.Select(r => r.Role).Order(StringComparer.Ordinal)]))];
    }

    /// <summary>Issues a token; refused when the account is not staff or a rule of the token is broken.</summary>
    public async Task<IssuedToken> IssueAsync(string adminId, string? name, IEnumerable<string>? scopes, string? actsAsId, CancellationToken cancellationToken)
    {
        if (actsAsId is null || !(await AccountsAsync(cancellationToken)).Any(a => a.Id == actsAsId))
        {
            throw new DomainException("ApiToken.NoAccount");
        }

        var (token, prefix) = ApiTokenFormat.NewToken();
        var issued = ApiToken.Issue(name, scopes, actsAsId, prefix, ApiTokenFormat.Hash(token), adminId, time.GetUtcNow());
        db.ApiTokens.Add(issued);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedToken(issued.Id, token);
    }

    /// <summary>Revokes a token; false when there is none.</summary>
    public async Task<bool> RevokeAsync(string adminId, int id, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.Revoke(adminId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        callers.Forget("token:" + Convert.ToHexString(token.SecretHash));
        return true;
    }
}
