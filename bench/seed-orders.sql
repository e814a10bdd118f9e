-- The benchmark's work orders, on top of bench/seed.sql. Run it in slices of one layout of :total orders:
--   psql -v total=100000 -v first=99001 -v last=100000 -f seed-orders.sql    the newest 1 000 (with the current ones)
--   psql -v total=100000 -v first=1 -v last=99000 -f seed-orders.sql        the 99 000 before them
-- Order n (1 = the oldest) is the same row whichever slice writes it: its id is n, its time, number, status, stages and
-- history follow from n alone, so the two slices make the same data as one run over 1..total.
--
-- Staff (made once, whichever slice comes first; password of the demo "client", like the bench's clients):
--   mech01..mech10  mechanics of the past orders; mech01..mech06 each have one active order
--   mech11..mech20  mechanics with nothing to do, for the assignment race
--   sup01..sup20    supervisors (sup01..sup03 assigned and decided the past orders; all twenty race)
--   shop01, shop02  shop mechanics; op01, op02 operators (they opened the orders)
-- All twenty mechanics are on shift (checked in an hour ago); mech01..mech10 also worked 08:00-18:00 every day of the
-- past orders (closed shifts).
--
-- Orders: the oldest total - 40 spread over the three years up to yesterday, 08:00-18:00 in Moscow, each worked
-- within three hours of opening (so all are closed by now): 12 % refused at the agreement, the rest done with an
-- agreement (two options, jsonb), a prepayment, in-shop repair for a fifth (claimed and filed by a shop mechanic),
-- expenses for half (jsonb lines) and a final report; one in ten had its agreement returned once first. The newest 40
-- were opened in the last three hours: six active (two assigned, four in progress with a stage waiting) and 34 not
-- assigned. Four in five orders are a bench client's, with their first car; the rest callers without an account.
-- Numbers are YYYY-NNNNN by the Moscow year of opening, in order of opening, and work_order_numbers holds each year's
-- last. The history is in audit_entries exactly as the AuditInterceptor writes it (one row per entity per save; an
-- addition lists its non-null fields with "before": null, a change its changed fields; values as the database stores
-- them, so the options and expenses are JSON text inside a JSON string, escaped as System.Text.Json escapes them).
\set ON_ERROR_STOP on
BEGIN;
-- Foreign keys are checked once at the end for the whole slice instead of by a trigger per row (three times faster;
-- replica mode skips those triggers, and only those: the unique indexes hold as always).
SET LOCAL session_replication_role = replica;
SET LOCAL work_mem = '256MB';

-- Staff ----------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE staff (id text, nick text, last_name text, first_name text, role text) ON COMMIT DROP;
INSERT INTO staff
SELECT 'bench-mech-' || k, 'mech' || lpad(k::text, 2, '0'),
       -- names the Domain accepts (PersonName: letters, hyphens, apostrophes), as every real account's are
       (ARRAY['Кузьмин','Соловьёв','Васильев','Зуев','Панов','Рябов','Голубев','Фомин','Носов','Лаптев',
              'Абрамов','Быков','Волков','Гришин','Данилов','Ершов','Жданов','Захаров','Исаев','Калинин'])[k],
       (ARRAY['Алексей','Дмитрий','Михаил','Артём','Илья','Павел','Степан','Фёдор','Яков','Григорий'])[1 + (k - 1) % 10], 'Mechanic'
FROM generate_series(1, 20) k
UNION ALL
SELECT 'bench-sup-' || k, 'sup' || lpad(k::text, 2, '0'),
       (ARRAY['Кураторова','Смотрова','Надзорова','Белкина','Веселова','Горина','Дёмина','Ефимова','Жукова','Зимина',
              'Ивина','Карпова','Ларина','Миронова','Нестерова','Осипова','Петрова','Родина','Сазонова','Титова'])[k],
       (ARRAY['Светлана','Наталья','Татьяна'])[1 + (k - 1) % 3], 'Supervisor'
FROM generate_series(1, 20) k
UNION ALL
SELECT 'bench-shop-' || k, 'shop' || lpad(k::text, 2, '0'), (ARRAY['Токарев','Слесарев'])[k], 'Виктор', 'ShopMechanic' FROM generate_series(1, 2) k
UNION ALL
SELECT 'bench-op-' || k, 'op' || lpad(k::text, 2, '0'), (ARRAY['Звонарёва','Приёмова'])[k], 'Ольга', 'Operator' FROM generate_series(1, 2) k;

INSERT INTO users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash, security_stamp,
                   concurrency_stamp, phone_number, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count,
                   first_name, last_name, patronymic, preferred_culture, created_at, promo_opt_out)
SELECT s.id, s.nick, upper(s.nick), s.nick || '@workshop.example.ru', upper(s.nick || '@workshop.example.ru'), true,
       (SELECT password_hash FROM users WHERE user_name = 'client'), md5('s' || s.id), md5('c' || s.id),
       NULL, false, false, true, 0, s.first_name, s.last_name, CASE WHEN s.role IN ('Supervisor', 'Operator') THEN 'Петровна' ELSE 'Петрович' END, 'ru-RU', now() - interval '3 years 1 month', true
FROM staff s
ON CONFLICT DO NOTHING;

INSERT INTO user_roles (user_id, role_id)
SELECT s.id, r.id FROM staff s JOIN roles r ON r.name IN (s.role, 'Client')
ON CONFLICT DO NOTHING;

INSERT INTO shifts (mechanic_id, checked_in_at)
SELECT s.id, date_trunc('second', now()) - interval '1 hour' FROM staff s WHERE s.role = 'Mechanic'
ON CONFLICT DO NOTHING;

-- How System.Text.Json writes a string inside JSON (JavaScriptEncoder.Default: every non-ASCII letter as \uXXXX).
CREATE FUNCTION pg_temp.js(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT '"' || string_agg(CASE WHEN ascii(c) > 127 THEN '\u' || upper(lpad(to_hex(ascii(c)), 4, '0')) ELSE c END, '' ORDER BY i) || '"'
  FROM unnest(string_to_array(value, NULL)) WITH ORDINALITY AS t(c, i)
$$;
SELECT pg_temp.js('Замена колодок и дисков') AS js_option1, pg_temp.js('Замена колодок') AS js_option2, pg_temp.js('Колодки') AS js_parts,
       pg_temp.js('Доставка запчастей') AS js_transport \gset
-- The audit trail's changes are built as JSON text and parsed once per row (jsonb_build_object per field is ten times
-- slower). A field of an addition (NULL, so left out by concat_ws, when the value is null) and of a change; the values
-- are JSON text: a string through to_json, a number as it is, a DateTimeOffset as the interceptor writes it (UTC).
CREATE FUNCTION pg_temp.added(name text, value text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT '"' || name || '": {"before": null, "after": ' || value || '}'
$$;
CREATE FUNCTION pg_temp.changed(name text, before text, after text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT '"' || name || '": {"before": ' || coalesce(before, 'null') || ', "after": ' || coalesce(after, 'null') || '}'
$$;
CREATE FUNCTION pg_temp.ts(value timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT '"' || to_char(value AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || '+00:00"'
$$;
CREATE FUNCTION pg_temp.str(value text) RETURNS text LANGUAGE sql STABLE AS $$ SELECT to_json(value)::text $$;

-- The layout of all orders (times and numbers depend on the whole), then this slice of it ---------------------------
CREATE TEMP TABLE layout ON COMMIT DROP AS
WITH params AS (
  SELECT :total::int AS total, 40 AS current, (now() AT TIME ZONE 'Europe/Moscow')::date AS today
), times AS (
  SELECT n, CASE
           WHEN n <= p.total - p.current THEN
             -- the past: from three years ago to yesterday (inclusive), 08:00-18:00 local, in order of n
             (((p.today - interval '3 years')::date + floor(f)::int) + time '08:00' + (f - floor(f)) * interval '10 hours') AT TIME ZONE 'Europe/Moscow'
           ELSE date_trunc('second', now()) - (p.total - n + 1) * interval '4 minutes'
         END AS created_at
  FROM params p, generate_series(1, p.total) n,
       LATERAL (SELECT (n - 1)::float8 / (p.total - p.current) * (p.today - (p.today - interval '3 years')::date) AS f) x
)
SELECT n, date_trunc('second', created_at) AS created_at,
       extract(year FROM created_at AT TIME ZONE 'Europe/Moscow')::int AS year,
       row_number() OVER (PARTITION BY extract(year FROM created_at AT TIME ZONE 'Europe/Moscow') ORDER BY n) AS seq,
       n - ((SELECT total - current FROM params)) AS current_k  -- 1..40 for the current orders
FROM times;

CREATE TEMP TABLE client_cars ON COMMIT DROP AS
SELECT DISTINCT ON (owner_id) owner_id, id AS car_id FROM cars WHERE owner_id LIKE 'bench-%' ORDER BY owner_id, id;
CREATE UNIQUE INDEX ON client_cars (owner_id);

CREATE TEMP TABLE wo ON COMMIT DROP AS
SELECT l.n, l.created_at, l.year || '-' || lpad(l.seq::text, 5, '0') AS number, l.year, l.seq,
       h, refused, returned_first, in_shop, with_expenses, l.current_k,
       CASE WHEN l.current_k > 6 THEN NULL WHEN l.current_k >= 1 THEN 'bench-mech-' || l.current_k ELSE 'bench-mech-' || (1 + l.n % 10) END AS mechanic,
       'bench-sup-' || (1 + l.n % 3) AS supervisor, 'sup' || lpad((1 + l.n % 3)::text, 2, '0') AS supervisor_nick,
       'bench-op-' || (1 + l.n % 2) AS creator, 'op' || lpad((1 + l.n % 2)::text, 2, '0') AS creator_nick,
       'bench-shop-' || (1 + l.n % 2) AS shop, 'shop' || lpad((1 + l.n % 2)::text, 2, '0') AS shop_nick,
       CASE WHEN caller THEN NULL ELSE u.id END AS client_id,
       CASE WHEN caller THEN (ARRAY['Фролов Игорь','Белова Ирина','Комаров Денис','Титова Алла'])[1 + l.n % 4] ELSE u.last_name || ' ' || u.first_name END AS client_name,
       CASE WHEN caller THEN '+7916' || lpad(l.n::text, 7, '0') ELSE u.phone_number END AS phone,
       CASE WHEN caller THEN NULL ELSE cc.car_id END AS car_id,
       CASE WHEN caller OR l.n % 3 = 0 THEN NULL ELSE 20000 + (l.n * 13) % 150000 END AS mileage,
       CASE WHEN l.n % 7 = 0 THEN 'Стучит спереди справа на неровностях' END AS comment,
       CASE WHEN caller AND l.n % 2 = 0 THEN 'Москва, ул. Ленина, ' || (1 + l.n % 90) END AS address,
       (3000 + (l.n % 50) * 500)::numeric(12,2) AS agreed,
       round((3000 + (l.n % 50) * 500) * 0.3)::numeric(12,2) AS prepayment,
       (500 + (l.n % 20) * 100)::numeric(12,2) AS parts,
       (1500 + (l.n % 10) * 100)::numeric(12,2) AS shop_sum
FROM layout l
CROSS JOIN LATERAL (SELECT abs(hashtext('order' || l.n)) % 100 AS h) hh
CROSS JOIN LATERAL (SELECT l.current_k < 1 AS past) pp
CROSS JOIN LATERAL (SELECT pp.past AND hh.h < 12 AS refused, pp.past AND hh.h % 10 = 3 AS returned_first, pp.past AND hh.h >= 12 AND hh.h % 5 = 1 AS in_shop,
                           pp.past AND hh.h >= 12 AND hh.h % 2 = 0 AS with_expenses, hh.h % 5 = 4 AS caller) flags
LEFT JOIN users u ON u.id = 'bench-' || (1 + (l.n * 37) % 20000)
LEFT JOIN client_cars cc ON cc.owner_id = u.id
WHERE l.n BETWEEN :first AND :last;

-- Past shifts: mech01..mech10 on every day of this slice's past orders, 08:00-18:00 in Moscow, checked out (a day two
-- slices share is written by the first), so that the reports' hours on shift and on orders are counted at scale. Today's
-- open shift of each of the twenty (above) stays the only open one.
INSERT INTO shifts (mechanic_id, checked_in_at, checked_out_at)
SELECT 'bench-mech-' || m, (d.day + time '08:00') AT TIME ZONE 'Europe/Moscow', (d.day + time '18:00') AT TIME ZONE 'Europe/Moscow'
FROM (SELECT DISTINCT (created_at AT TIME ZONE 'Europe/Moscow')::date AS day FROM wo WHERE current_k < 1) d
CROSS JOIN generate_series(1, 10) m
WHERE NOT EXISTS (SELECT 1 FROM shifts s WHERE s.mechanic_id = 'bench-mech-' || m
                                           AND s.checked_in_at = (d.day + time '08:00') AT TIME ZONE 'Europe/Moscow')
ORDER BY 2, 1;

-- Minutes after opening: assigned +10; returned agreement +30/+40; agreement +50/+60; prepayment +70/+80;
-- in-shop +90/+100, claimed +110, filed +140; expenses +150/+160; final report +170/+180.
INSERT INTO work_orders (id, number, client_id, client_name, phone, address, comment, car_id, booking_id, status, mechanic_id, assigned_at,
                         created_by_id, created_at, shop_priority, shop_mechanic_id, shop_claimed_at, shop_sum, shop_filed_at, closed_at, arrival_mileage)
SELECT n, number, client_id, client_name, phone, address, comment, car_id, NULL,
       CASE WHEN current_k > 6 THEN 'NotAssigned' WHEN current_k IN (1, 2) THEN 'Assigned' WHEN current_k >= 3 THEN 'InProgress'
            WHEN refused THEN 'Refused' ELSE 'Done' END,
       mechanic, CASE WHEN mechanic IS NOT NULL THEN created_at + interval '10 minutes' END,
       creator, created_at, 1,
       CASE WHEN in_shop THEN shop END, CASE WHEN in_shop THEN created_at + interval '110 minutes' END,
       CASE WHEN in_shop THEN shop_sum END, CASE WHEN in_shop THEN created_at + interval '140 minutes' END,
       CASE WHEN current_k >= 1 THEN NULL WHEN refused THEN created_at + interval '60 minutes' ELSE created_at + interval '180 minutes' END,
       mileage
FROM wo;

-- Stage submissions: slot 0 returned agreement, 1 agreement, 2 prepayment, 3 in-shop, 4 expenses, 5 final report; id n*8+slot.
-- Options and expenses: the text System.Text.Json writes (the audit trail keeps it as a string; the column, as jsonb).
CREATE TEMP TABLE subs ON COMMIT DROP AS
SELECT wo.n * 8 + s.slot AS id, wo.n, s.slot, s.slot = min(s.slot) OVER (PARTITION BY wo.n) AS first,
       wo.created_at + s.submit_after AS submitted_at,
       CASE WHEN s.pending THEN NULL ELSE wo.created_at + s.submit_after + interval '10 minutes' END AS decided_at,
       CASE WHEN s.pending THEN 'Submitted' WHEN s.slot = 0 THEN 'Returned' ELSE 'Approved' END AS state,
       (ARRAY['Agreement','Agreement','Prepayment','InShop','Expenses','FinalReport'])[s.slot + 1] AS kind,
       wo.mechanic, 'mech' || lpad(substr(wo.mechanic, 12), 2, '0') AS mechanic_nick, wo.supervisor, wo.supervisor_nick, wo.refused,
       CASE WHEN s.slot <= 1 THEN
         '[{"description":' || :'js_option1' || ',"price":' || wo.agreed::int || '},{"description":'
         || :'js_option2' || ',"price":' || (wo.agreed::int - 1500) || '}]'
       ELSE '[]' END AS options_text,
       CASE WHEN s.slot = 4 THEN
         '[{"kind":"Parts","description":' || :'js_parts' || ',"sum":' || wo.parts::int || ',"receipt":"receipts/' || wo.n || '-1.jpg"}'
         || CASE WHEN wo.n % 3 = 0 THEN ',{"kind":"Transport","description":' || :'js_transport' || ',"sum":400,"receipt":"receipts/' || wo.n || '-2.jpg"}' ELSE '' END
         || ']'
       ELSE '[]' END AS expenses_text,
       CASE WHEN s.slot = 0 OR (s.slot = 1 AND NOT wo.refused) THEN wo.agreed END AS agreed_sum,
       CASE WHEN s.slot = 1 AND wo.refused THEN 1500.00 END::numeric(12,2) AS refusal_sum,
       CASE WHEN s.slot = 1 AND wo.refused THEN 'Клиент решил ремонтировать позже' END AS refusal_reason,
       CASE WHEN s.slot = 2 THEN wo.prepayment END AS prepay,
       CASE WHEN s.slot = 3 THEN 'shop/' || wo.n || '.jpg' END AS photo,
       CASE WHEN s.slot = 3 THEN (wo.created_at AT TIME ZONE 'Europe/Moscow')::date + 3 END AS due_date,
       CASE WHEN s.slot = 3 THEN 'Стартер не крутит, нужна переборка' END AS problem,
       CASE WHEN s.slot = 5 THEN wo.agreed END AS total_received,
       CASE WHEN s.slot = 5 THEN greatest(0, wo.agreed - CASE WHEN wo.with_expenses THEN wo.parts ELSE 0 END
                                         - CASE WHEN wo.in_shop THEN wo.shop_sum ELSE 0 END) END AS net_sum,
       CASE WHEN s.slot = 5 THEN 'contracts/' || wo.n || '.jpg' END AS contract_photo,
       CASE WHEN s.slot = 0 THEN 'Уточните у клиента, меняем ли диски' END AS decision_comment
FROM wo
CROSS JOIN LATERAL (
  SELECT slot, (ARRAY[30, 50, 70, 90, 150, 170])[slot + 1] * interval '1 minute' AS submit_after,
         -- the current orders in progress: 3 and 4 wait on their agreement, 5 and 6 on their prepayment
         (wo.current_k IN (3, 4) AND slot = 1) OR (wo.current_k IN (5, 6) AND slot = 2) AS pending
  FROM generate_series(0, 5) slot
  WHERE CASE WHEN wo.current_k > 6 THEN false
             WHEN wo.current_k > 2 THEN slot = 1 OR (slot = 2 AND wo.current_k >= 5)
             WHEN wo.current_k >= 1 THEN false
             WHEN wo.refused THEN slot = 1 OR (slot = 0 AND wo.returned_first)
             ELSE slot IN (1, 2, 5) OR (slot = 0 AND wo.returned_first) OR (slot = 3 AND wo.in_shop) OR (slot = 4 AND wo.with_expenses) END
) s;

INSERT INTO stage_submissions (id, work_order_id, kind, state, submitted_by_id, submitted_at, decided_by_id, decided_at, comment, options, agreed_sum,
                               refusal_sum, refusal_reason, prepayment, photo, due_date, problem, expenses, total_received, net_sum, contract_photo)
SELECT id, n, kind, state, mechanic, submitted_at, CASE WHEN decided_at IS NOT NULL THEN supervisor END, decided_at, decision_comment,
       options_text::jsonb, agreed_sum, refusal_sum, refusal_reason, prepay, photo, due_date, problem, expenses_text::jsonb, total_received, net_sum, contract_photo
FROM subs;

-- The history ---------------------------------------------------------------------------------------------------------
-- In the order they were written, as the append-only table has them (an order's entries among those of the orders
-- worked at the same hours; ids, which break ties of "at" in the history, in that order too). One save is one request
-- (one request id), and within a save the entries come in the change tracker's order, as the interceptor writes them
-- ("part"): a new submission before the order it starts; on a decision, the order before the submission. (Sorting
-- costs no more than it saves: the indexes on "at" and the id are then only appended to.)
INSERT INTO audit_entries (at, actor_kind, actor_id, actor_name, request_id, entity_type, entity_id, action, changes)
SELECT e.at, 'User', e.actor_id, e.actor_name, '0HNBENCH' || upper(to_hex(e.n)) || ':' || lpad(e.save::text, 8, '0'), e.entity_type, e.entity_id,
       e.action, ('{' || e.fields || '}')::jsonb
FROM (
  -- opened by an operator
  SELECT wo.n, 1 AS save, 0 AS part, wo.created_at AS at, wo.creator AS actor_id, wo.creator_nick AS actor_name, 'WorkOrder' AS entity_type,
         wo.n::text AS entity_id, 'Added' AS action,
         concat_ws(', ', pg_temp.added('Number', pg_temp.str(wo.number)), pg_temp.added('ClientId', pg_temp.str(wo.client_id)),
                   pg_temp.added('ClientName', pg_temp.str(wo.client_name)), pg_temp.added('Phone', pg_temp.str(wo.phone)),
                   pg_temp.added('Address', pg_temp.str(wo.address)), pg_temp.added('Comment', pg_temp.str(wo.comment)),
                   pg_temp.added('CarId', wo.car_id::text), pg_temp.added('Status', '"NotAssigned"'), pg_temp.added('CreatedById', pg_temp.str(wo.creator)),
                   pg_temp.added('CreatedAt', pg_temp.ts(wo.created_at)), pg_temp.added('ShopPriority', '1'),
                   pg_temp.added('ArrivalMileage', wo.mileage::text)) AS fields
  FROM wo
  UNION ALL
  -- given to the mechanic by a supervisor
  SELECT wo.n, 2, 0, wo.created_at + interval '10 minutes', wo.supervisor, wo.supervisor_nick, 'WorkOrder', wo.n::text, 'Changed',
         concat_ws(', ', pg_temp.changed('AssignedAt', NULL, pg_temp.ts(wo.created_at + interval '10 minutes')),
                   pg_temp.changed('MechanicId', NULL, pg_temp.str(wo.mechanic)), pg_temp.changed('Status', '"NotAssigned"', '"Assigned"'))
  FROM wo WHERE wo.mechanic IS NOT NULL
  UNION ALL
  -- each stage submitted by the mechanic
  SELECT s.n, 10 + 2 * s.slot, 0, s.submitted_at, s.mechanic, s.mechanic_nick, 'StageSubmission', s.id::text, 'Added',
         concat_ws(', ', pg_temp.added('WorkOrderId', s.n::text), pg_temp.added('Kind', pg_temp.str(s.kind)), pg_temp.added('State', '"Submitted"'),
                   pg_temp.added('SubmittedById', pg_temp.str(s.mechanic)), pg_temp.added('SubmittedAt', pg_temp.ts(s.submitted_at)),
                   pg_temp.added('Options', pg_temp.str(s.options_text)), pg_temp.added('AgreedSum', s.agreed_sum::text),
                   pg_temp.added('RefusalSum', s.refusal_sum::text), pg_temp.added('RefusalReason', pg_temp.str(s.refusal_reason)),
                   pg_temp.added('Prepayment', s.prepay::text), pg_temp.added('Photo', pg_temp.str(s.photo)),
                   pg_temp.added('DueDate', pg_temp.str(s.due_date::text)), pg_temp.added('Problem', pg_temp.str(s.problem)),
                   pg_temp.added('Expenses', pg_temp.str(s.expenses_text)), pg_temp.added('TotalReceived', s.total_received::text),
                   pg_temp.added('NetSum', s.net_sum::text), pg_temp.added('ContractPhoto', pg_temp.str(s.contract_photo)))
  FROM subs s
  UNION ALL
  -- the first submission starts the work (the order's change, saved after the submission)
  SELECT s.n, 10 + 2 * s.slot, 1, s.submitted_at, s.mechanic, s.mechanic_nick, 'WorkOrder', s.n::text, 'Changed',
         pg_temp.changed('Status', '"Assigned"', '"InProgress"')
  FROM subs s WHERE s.first
  UNION ALL
  -- an approved refusal or final report closes the order (the order's change, saved before the decision)
  SELECT s.n, 11 + 2 * s.slot, 0, s.decided_at, s.supervisor, s.supervisor_nick, 'WorkOrder', s.n::text, 'Changed',
         concat_ws(', ', pg_temp.changed('ClosedAt', NULL, pg_temp.ts(s.decided_at)),
                   pg_temp.changed('Status', '"InProgress"', CASE WHEN s.refused THEN '"Refused"' ELSE '"Done"' END))
  FROM subs s WHERE s.state = 'Approved' AND (s.slot = 5 OR (s.slot = 1 AND s.refused))
  UNION ALL
  -- each decision of the supervisor
  SELECT s.n, 11 + 2 * s.slot, 1, s.decided_at, s.supervisor, s.supervisor_nick, 'StageSubmission', s.id::text, 'Changed',
         concat_ws(', ', pg_temp.changed('State', '"Submitted"', pg_temp.str(s.state)), CASE WHEN s.decision_comment IS NOT NULL THEN pg_temp.changed('Comment', NULL, pg_temp.str(s.decision_comment)) END,
                   pg_temp.changed('DecidedAt', NULL, pg_temp.ts(s.decided_at)), pg_temp.changed('DecidedById', NULL, pg_temp.str(s.supervisor)))
  FROM subs s WHERE s.decided_at IS NOT NULL
  UNION ALL
  -- in the shop: claimed, then the shop's work filed, by a shop mechanic
  SELECT wo.n, 30, 0, wo.created_at + interval '110 minutes', wo.shop, wo.shop_nick, 'WorkOrder', wo.n::text, 'Changed',
         concat_ws(', ', pg_temp.changed('ShopClaimedAt', NULL, pg_temp.ts(wo.created_at + interval '110 minutes')),
                   pg_temp.changed('ShopMechanicId', NULL, pg_temp.str(wo.shop)))
  FROM wo WHERE wo.in_shop
  UNION ALL
  SELECT wo.n, 31, 0, wo.created_at + interval '140 minutes', wo.shop, wo.shop_nick, 'WorkOrder', wo.n::text, 'Changed',
         concat_ws(', ', pg_temp.changed('ShopFiledAt', NULL, pg_temp.ts(wo.created_at + interval '140 minutes')),
                   pg_temp.changed('ShopSum', NULL, wo.shop_sum::text))
  FROM wo WHERE wo.in_shop
) e
ORDER BY e.at, e.n, e.save, e.part;

-- The foreign keys of what was written, all at once.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM wo WHERE (client_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = wo.client_id))
                                 OR (car_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cars c WHERE c.id = wo.car_id))
                                 OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = wo.creator)
                                 OR (mechanic IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = wo.mechanic))
                                 OR (in_shop AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = wo.shop)))
     OR EXISTS (SELECT 1 FROM subs s WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = s.mechanic)
                                        OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = s.supervisor)) THEN
    RAISE EXCEPTION 'seed-orders.sql: an order or stage names a user or car that does not exist';
  END IF;
END $$;

-- The counters the next order's number comes from; the identities past the ids given here.
INSERT INTO work_order_numbers AS c (year, last)
SELECT year, max(seq) FROM wo GROUP BY year
ON CONFLICT (year) DO UPDATE SET last = greatest(c.last, excluded.last);
SELECT setval(pg_get_serial_sequence('work_orders', 'id'), (SELECT max(id) FROM work_orders));
SELECT setval(pg_get_serial_sequence('stage_submissions', 'id'), (SELECT max(id) FROM stage_submissions));

COMMIT;
-- As autovacuum leaves tables that have grown for years: statistics, and the visibility map that lets a count be
-- answered from an index alone (freshly written rows cost a heap fetch each until vacuumed, and autovacuum would
-- otherwise start on 1.1 million new rows in the middle of the measurements).
VACUUM (ANALYZE) work_orders;
VACUUM (ANALYZE) stage_submissions;
VACUUM (ANALYZE) audit_entries;
VACUUM (ANALYZE) shifts;
