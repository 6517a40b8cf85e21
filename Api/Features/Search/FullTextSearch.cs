using Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Api.Features.Search;

/// <summary>
/// Ranks one owner's files and messages against a web-search style query (<c>websearch_to_tsquery</c>): the GIN
/// indexes find the matches, <c>ts_rank_cd</c> orders them, and only the returned rows get a highlighted snippet.
/// </summary>
internal sealed class FullTextSearch(AppDbContext db)
{
    public async Task<List<SearchHit>> SearchAsync(
        Guid ownerId, string query, Guid? projectId, int limit, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<SearchHit>($"""
            WITH q AS (SELECT websearch_to_tsquery('english', {query}) AS query),
            hits AS (
                SELECT 'file' AS kind, f.project_id, p.name AS project_name, f.id, f.path, NULL::text AS role,
                       f.content AS body, ts_rank_cd(f.search_vector, q.query) AS rank, f.updated_at AS at
                FROM project_files f JOIN projects p ON p.id = f.project_id CROSS JOIN q
                WHERE p.owner_id = {ownerId} AND ({projectId}::uuid IS NULL OR p.id = {projectId}) AND f.search_vector @@ q.query
                UNION ALL
                SELECT 'message', m.project_id, p.name, m.id, NULL, m.role,
                       m.content, ts_rank_cd(m.search_vector, q.query), m.created_at
                FROM messages m JOIN projects p ON p.id = m.project_id CROSS JOIN q
                WHERE p.owner_id = {ownerId} AND ({projectId}::uuid IS NULL OR p.id = {projectId}) AND m.search_vector @@ q.query
                ORDER BY rank DESC, at DESC
                LIMIT {limit}
            )
            SELECT h.kind AS "Kind", h.project_id AS "ProjectId", h.project_name AS "ProjectName", h.id AS "Id",
                   h.path AS "Path", h.role AS "Role", h.rank AS "Rank", h.at AS "At",
                   ts_headline('english', h.body, q.query, 'MaxFragments=2, MinWords=5, MaxWords=20, StartSel=«, StopSel=»') AS "Snippet"
            FROM hits h CROSS JOIN q
            ORDER BY h.rank DESC, h.at DESC
            """).ToListAsync(cancellationToken);
}
