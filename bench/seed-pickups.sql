-- The benchmark's pick-ups, on top of bench/seed.sql (its clients bench-1..bench-20000 and their cars). Two parts:
--   psql -v part=burst -v today=YYYY-MM-DD -f seed-pickups.sql
--       20 districts, 200 drivers (10 serving each district, all active and free: accounts with the Driver role, the
--       password of the demo "client"), and 2 000 requests waiting for their client's answer (AwaitingClient: the
--       manager proposed a time and a price an hour ago), 100 per district, clients bench-1..bench-2000 with their
--       first car. The burst agrees to all of them at once through their answer links.
--   psql -v part=past -v today=YYYY-MM-DD -v total=50000 -v first=49001 -v last=50000 -f seed-pickups.sql
--       one slice of a layout of :total past requests over the two years up to yesterday (1 = the oldest; request n is
--       the same row whichever slice writes it, so two slices make what one run over 1..total makes), across the 20
--       districts and 20 000 clients: 89 % done (driven by one of the district's drivers, invoiced and paid), 9 %
--       declined, 2 % awaiting payment; the newest 60 under review, awaiting the client or awaiting payment. None in
--       progress: those are the burst's (a driver holds one active job).
-- The bench's districts are numbered 1..20 (by name, in the order they are made); driver k (1..200) serves district 1 + (k - 1) % 20.
\set ON_ERROR_STOP on
SELECT :'part' = 'burst' AS is_burst, :'part' = 'past' AS is_past \gset
BEGIN;
-- The bench's districts by name (the site's demo districts, seeded with the demo data, are left out of the numbering).
CREATE TEMP TABLE bench_names ON COMMIT DROP AS
SELECT k, name FROM unnest(ARRAY['Арбат','Басманный','Замоскворечье','Красносельский','Мещанский','Пресненский','Таганский','Тверской',
                                 'Хамовники','Якиманка','Сокольники','Лефортово','Марьино','Митино','Строгино','Бутово','Тёплый Стан',
                                 'Чертаново','Измайлово','Перово']) WITH ORDINALITY AS n(name, k);
SELECT id AS manager_id FROM users WHERE user_name = 'manager' \gset

\if :is_burst
INSERT INTO districts (name, is_active) SELECT name, true FROM bench_names ORDER BY k;
\endif
CREATE TEMP TABLE bench_districts ON COMMIT DROP AS SELECT d.id, n.k FROM districts d JOIN bench_names n ON n.name = d.name;

\if :is_burst
INSERT INTO users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash, security_stamp,
                   concurrency_stamp, phone_number, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count,
                   first_name, last_name, patronymic, preferred_culture, created_at, promo_opt_out)
SELECT 'bench-driver-' || k, 'driver' || lpad(k::text, 3, '0'), upper('driver' || lpad(k::text, 3, '0')),
       'driver' || k || '@workshop.example.ru', upper('driver' || k || '@workshop.example.ru'), true,
       (SELECT password_hash FROM users WHERE user_name = 'client'), md5('s-driver' || k), md5('c-driver' || k),
       '+7901' || lpad(k::text, 7, '0'), false, false, true, 0,
       (ARRAY['Алексей','Дмитрий','Михаил','Артём','Илья','Павел','Степан','Фёдор','Яков','Григорий'])[1 + k % 10],
       (ARRAY['Шофёров','Рулёв','Колесов','Дорожкин','Путилин','Ездаков','Гаражов','Моторин','Бензинов','Кузовлев'])[1 + (k / 10) % 10],
       'Сергеевич', 'ru-RU', now() - interval '1 year', true
FROM generate_series(1, 200) k;

INSERT INTO user_roles (user_id, role_id)
SELECT 'bench-driver-' || k, '7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0008' FROM generate_series(1, 200) k;

INSERT INTO drivers (user_id, is_active, created_at, district_ids)
SELECT 'bench-driver-' || k, true, now() - interval '1 year' + k * interval '1 minute', ARRAY[(SELECT id FROM bench_districts WHERE bench_districts.k = 1 + (g.k - 1) % 20)]
FROM generate_series(1, 200) AS g(k);

-- 2 000 proposals, 100 per district, waiting for the client.
INSERT INTO pickup_requests (client_id, car_id, address, district_id, wished_date, window_from, window_to, comment, status, requested_at,
                             proposed_for, price, confirmed_by_id, confirmed_at)
SELECT 'bench-' || k, (SELECT min(id) FROM cars WHERE owner_id = 'bench-' || k),
       'ул. Стендовая, д. ' || (1 + k % 150) || ', кв. ' || (1 + k % 90),
       (SELECT id FROM bench_districts d WHERE d.k = 1 + (r.k - 1) % 20),
       :'today'::date + 1 + k % 5, time '09:00' + (k % 4) * interval '2 hours', time '11:00' + (k % 4) * interval '2 hours',
       CASE WHEN k % 5 = 0 THEN 'Позвоните за час' END, 'AwaitingClient',
       now() - interval '3 hours' + k * interval '1 second',
       (:'today'::date + 1 + k % 5) + time '09:30' + (k % 4) * interval '2 hours', 2500.00, :'manager_id',
       now() - interval '1 hour' + k * interval '1 second'
FROM generate_series(1, 2000) AS r(k);
\endif

\if :is_past
CREATE TEMP TABLE client_cars ON COMMIT DROP AS
  SELECT DISTINCT ON (owner_id) owner_id, id AS car_id FROM cars WHERE owner_id LIKE 'bench-%' ORDER BY owner_id, id;
CREATE INDEX ON client_cars (owner_id);

WITH p AS (
  SELECT n,
         -- spread evenly over the two years before today (Moscow), at any hour
         (((:'today'::date - 730)::timestamp + (n - 1) * (interval '729 days' / :total)) AT TIME ZONE 'Europe/Moscow') AS requested_at,
         1 + (n * 7919) % 20000 AS client_number,
         1 + (n - 1) % 20 AS district_number,
         CASE WHEN n > :total - 60 THEN (ARRAY['UnderReview','AwaitingClient','AwaitingPayment'])[1 + n % 3]
              WHEN abs(hashtext('pickup' || n)) % 100 < 9 THEN 'Declined'
              WHEN abs(hashtext('pickup' || n)) % 100 < 11 THEN 'AwaitingPayment'
              ELSE 'Done' END AS status
  FROM generate_series(:first, :last) AS n
), q AS (
  SELECT p.*, (p.requested_at AT TIME ZONE 'Europe/Moscow')::date + n % 4 AS wished_date, time '08:00' + (n % 5) * interval '2 hours' AS window_from,
         p.status <> 'UnderReview' AS confirmed, p.status IN ('Done', 'AwaitingPayment') AS driven,
         'bench-driver-' || (p.district_number + 20 * (n % 10)) AS driver_id
  FROM p
)
INSERT INTO pickup_requests (client_id, car_id, address, district_id, wished_date, window_from, window_to, comment, status, requested_at,
                             proposed_for, price, confirmed_by_id, confirmed_at, answered_at, driver_id, assigned_at, completed_at,
                             driver_comment, invoice_number, paid_by_id, paid_at)
SELECT cc.owner_id, cc.car_id,
       (ARRAY['ул. Лесная','пр. Мира','ул. Садовая','Ленинский пр.','ул. Тверская','ул. Профсоюзная','Варшавское ш.','ул. Гарибальди','Каширское ш.','ул. Вавилова'])[1 + n % 10]
         || ', д. ' || (1 + n % 120),
       d.id, q.wished_date, q.window_from, q.window_from + interval '2 hours', CASE WHEN n % 5 = 0 THEN 'Позвоните за час' END, q.status,
       q.requested_at,
       CASE WHEN q.confirmed THEN q.wished_date + q.window_from + interval '30 minutes' END,
       CASE WHEN q.confirmed THEN 1500.00 + (n % 6) * 500 END,
       CASE WHEN q.confirmed THEN :'manager_id' END,
       CASE WHEN q.confirmed THEN q.requested_at + interval '40 minutes' END,
       CASE WHEN q.status IN ('Done', 'AwaitingPayment', 'Declined') THEN q.requested_at + interval '2 hours' END,
       CASE WHEN q.driven THEN q.driver_id END,
       CASE WHEN q.driven THEN q.requested_at + interval '2 hours 10 minutes' END,
       CASE WHEN q.driven THEN q.requested_at + interval '3 hours 40 minutes' END,
       CASE WHEN q.driven AND n % 7 = 0 THEN 'Клиент опоздал на 15 минут' END,
       CASE WHEN q.driven THEN n END,
       CASE WHEN q.status = 'Done' THEN :'manager_id' END,
       CASE WHEN q.status = 'Done' THEN q.requested_at + interval '1 day' END
FROM q
JOIN client_cars cc ON cc.owner_id = 'bench-' || q.client_number
JOIN bench_districts d ON d.k = q.district_number;

SELECT setval('pickup_invoice_numbers', greatest((SELECT max(invoice_number) FROM pickup_requests), 1));
\endif
COMMIT;
VACUUM (ANALYZE) pickup_requests;
VACUUM (ANALYZE) drivers;
VACUUM (ANALYZE) districts;
