wrk.method = "GET"
wrk.headers["Authorization"] = "Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjp0b2tlbg=="
-- Each connection waits DELAY ms between its requests: with C connections the rate is
-- about C / (DELAY + latency) a second; wrk times each request alone, without the wait.
local wait = tonumber(os.getenv("DELAY_MS") or "2")
function delay() return wait end
