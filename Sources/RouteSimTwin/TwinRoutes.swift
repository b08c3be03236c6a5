import Hummingbird
import RouteSim

/// The twin's HTTP routes: each parses the request, calls the ``Twin`` account and encodes
/// what it returns. No resource logic lives here.
public enum TwinRoutes {
    /// The router of `twin`'s API and its live view (`/`). `fallbackBaseURL` is used for URLs
    /// in responses when a request names no host; `answered` is called once per request answered.
    public static func router(
        _ twin: Twin, fallbackBaseURL: String, answered: @escaping @Sendable () -> Void = {}
    ) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: TwinGate(
            credentials: twin.credentials, answered: answered, settle: { await twin.settleRequest() }))
        let base: @Sendable (Request) -> String = { request in request.head.authority.map { "http://" + $0 } ?? fallbackBaseURL }

        router.get("/") { _, _ in TwinLiveView.response }

        router.post("/v1/Workspaces") { request, context in
            try await TwinResponse.json(twin.createWorkspace(form(request, context), baseURL: base(request)), status: .created)
        }
        router.get("/v1/Workspaces") { request, _ in
            try await TwinResponse.json(twin.listWorkspaces(query(request), baseURL: base(request)))
        }
        router.get("/v1/Workspaces/:workspace") { request, context in
            try await TwinResponse.json(twin.fetchWorkspace(context.parameters.require("workspace"), baseURL: base(request)))
        }
        router.post("/v1/Workspaces/:workspace") { request, context in
            let sid = try context.parameters.require("workspace")
            return try await TwinResponse.json(twin.updateWorkspace(sid, form(request, context), baseURL: base(request)))
        }
        router.delete("/v1/Workspaces/:workspace") { _, context in
            try await twin.deleteWorkspace(context.parameters.require("workspace"))
            return TwinResponse.deleted
        }

        for kind in TwinResourceKind.allCases {
            let list = RouterPath("/v1/Workspaces/:workspace/" + kind.pathSegment)
            let item = RouterPath("/v1/Workspaces/:workspace/" + kind.pathSegment + "/:sid")
            router.post(list) { request, context in
                let workspace = try context.parameters.require("workspace")
                return try await TwinResponse.json(
                    twin.create(kind, in: workspace, form(request, context), baseURL: base(request)), status: .created)
            }
            router.get(list) { request, context in
                let workspace = try context.parameters.require("workspace")
                return try await TwinResponse.json(twin.list(kind, in: workspace, query(request), baseURL: base(request)))
            }
            router.get(item) { request, context in
                let (workspace, sid) = try (context.parameters.require("workspace"), context.parameters.require("sid"))
                return try await TwinResponse.json(twin.fetch(kind, in: workspace, sid, baseURL: base(request)))
            }
            router.post(item) { request, context in
                let (workspace, sid) = try (context.parameters.require("workspace"), context.parameters.require("sid"))
                return try await TwinResponse.json(twin.update(kind, in: workspace, sid, form(request, context), baseURL: base(request)))
            }
            router.delete(item) { _, context in
                let (workspace, sid) = try (context.parameters.require("workspace"), context.parameters.require("sid"))
                try await twin.delete(kind, in: workspace, sid)
                return TwinResponse.deleted
            }
        }

        // The worker's parameter is `sid`, as in the Workers routes that share its place.
        let channels = "/v1/Workspaces/:workspace/Workers/:sid/Channels"
        router.get(RouterPath(channels)) { request, context in
            let (workspace, worker) = try (context.parameters.require("workspace"), context.parameters.require("sid"))
            return try await TwinResponse.json(twin.listWorkerChannels(in: workspace, worker: worker, query(request), baseURL: base(request)))
        }
        router.get(RouterPath(channels + "/:channel")) { request, context in
            let (workspace, worker, sid) = try (
                context.parameters.require("workspace"), context.parameters.require("sid"), context.parameters.require("channel"))
            return try await TwinResponse.json(twin.fetchWorkerChannel(in: workspace, worker: worker, sid, baseURL: base(request)))
        }
        router.post(RouterPath(channels + "/:channel")) { request, context in
            let (workspace, worker, sid) = try (
                context.parameters.require("workspace"), context.parameters.require("sid"), context.parameters.require("channel"))
            return try await TwinResponse.json(
                twin.updateWorkerChannel(in: workspace, worker: worker, sid, form(request, context), baseURL: base(request)))
        }

        let tasks = "/v1/Workspaces/:workspace/Tasks"
        router.post(RouterPath(tasks)) { request, context in
            let workspace = try context.parameters.require("workspace")
            return try await TwinResponse.json(
                twin.createTask(in: workspace, form(request, context), baseURL: base(request)), status: .created)
        }
        router.get(RouterPath(tasks)) { request, context in
            let workspace = try context.parameters.require("workspace")
            return try await TwinResponse.json(twin.listTasks(in: workspace, query(request), baseURL: base(request)))
        }
        router.get(RouterPath(tasks + "/:task")) { request, context in
            let (workspace, task) = try (context.parameters.require("workspace"), context.parameters.require("task"))
            return try await TwinResponse.json(twin.fetchTask(in: workspace, task, baseURL: base(request)))
        }
        router.post(RouterPath(tasks + "/:task")) { request, context in
            let (workspace, task) = try (context.parameters.require("workspace"), context.parameters.require("task"))
            return try await TwinResponse.json(twin.updateTask(in: workspace, task, form(request, context), baseURL: base(request)))
        }
        router.delete(RouterPath(tasks + "/:task")) { _, context in
            let (workspace, task) = try (context.parameters.require("workspace"), context.parameters.require("task"))
            try await twin.deleteTask(in: workspace, task)
            return TwinResponse.deleted
        }
        // Reservations under a task (`:task`) and under a worker (`:sid`, as the Workers routes name it).
        for (owner, parameter) in [("Tasks/:task", "task"), ("Workers/:sid", "sid")] {
            let path = "/v1/Workspaces/:workspace/" + owner + "/Reservations"
            let underTask = parameter == "task"
            router.get(RouterPath(path)) { request, context in
                let (workspace, sid) = try (context.parameters.require("workspace"), context.parameters.require(parameter))
                return try await TwinResponse.json(twin.listReservations(
                    in: workspace, task: underTask ? sid : nil, worker: underTask ? nil : sid, query(request), baseURL: base(request)))
            }
            router.get(RouterPath(path + "/:reservation")) { request, context in
                let (workspace, sid, reservation) = try (
                    context.parameters.require("workspace"), context.parameters.require(parameter),
                    context.parameters.require("reservation"))
                return try await TwinResponse.json(twin.fetchReservation(
                    in: workspace, task: underTask ? sid : nil, worker: underTask ? nil : sid, reservation, baseURL: base(request)))
            }
            router.post(RouterPath(path + "/:reservation")) { request, context in
                let (workspace, sid, reservation) = try (
                    context.parameters.require("workspace"), context.parameters.require(parameter),
                    context.parameters.require("reservation"))
                return try await TwinResponse.json(twin.updateReservation(
                    in: workspace, task: underTask ? sid : nil, worker: underTask ? nil : sid, reservation,
                    form(request, context), baseURL: base(request)))
            }
        }
        let events = "/v1/Workspaces/:workspace/Events"
        router.get(RouterPath(events)) { request, context in
            let workspace = try context.parameters.require("workspace")
            return try await TwinResponse.json(twin.listEvents(in: workspace, query(request), baseURL: base(request)))
        }
        router.get(RouterPath(events + "/:event")) { request, context in
            let (workspace, event) = try (context.parameters.require("workspace"), context.parameters.require("event"))
            return try await TwinResponse.json(twin.fetchEvent(in: workspace, event, baseURL: base(request)))
        }

        let workspaceStatistics = "/v1/Workspaces/:workspace/"
        for scope in TwinStatisticsScope.allCases {
            let segment = scope.pathSegment
            router.get(RouterPath(workspaceStatistics + segment)) { request, context in
                let workspace = try context.parameters.require("workspace")
                return try await TwinResponse.json(twin.workspaceStatistics(scope, in: workspace, query(request), baseURL: base(request)))
            }
            router.get(RouterPath(workspaceStatistics + "TaskQueues/:sid/" + segment)) { request, context in
                let (workspace, sid) = try (context.parameters.require("workspace"), context.parameters.require("sid"))
                return try await TwinResponse.json(
                    twin.taskQueueStatistics(scope, in: workspace, sid, query(request), baseURL: base(request)))
            }
            router.get(RouterPath(workspaceStatistics + "Workflows/:sid/" + segment)) { request, context in
                let (workspace, sid) = try (context.parameters.require("workspace"), context.parameters.require("sid"))
                return try await TwinResponse.json(
                    twin.workflowStatistics(scope, in: workspace, sid, query(request), baseURL: base(request)))
            }
            router.get(RouterPath(workspaceStatistics + "Workers/" + segment)) { request, context in
                let workspace = try context.parameters.require("workspace")
                return try await TwinResponse.json(twin.workersStatistics(scope, in: workspace, query(request), baseURL: base(request)))
            }
            // A worker has no real-time document of its own, as in TaskRouter.
            if scope != .realtime {
                router.get(RouterPath(workspaceStatistics + "Workers/:sid/" + segment)) { request, context in
                    let (workspace, sid) = try (context.parameters.require("workspace"), context.parameters.require("sid"))
                    return try await TwinResponse.json(
                        twin.workerStatistics(scope, in: workspace, sid, query(request), baseURL: base(request)))
                }
            }
        }
        router.get(RouterPath(workspaceStatistics + "TaskQueues/Statistics")) { request, context in
            let workspace = try context.parameters.require("workspace")
            return try await TwinResponse.json(twin.listTaskQueueStatistics(workspace, query(request), baseURL: base(request)))
        }

        // A read sent as a POST with a JSON body, as TaskRouter's bulk endpoint is.
        router.post(RouterPath(workspaceStatistics + "TaskQueues/RealTimeStatistics")) { request, context in
            let workspace = try context.parameters.require("workspace")
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            return try await TwinResponse.json(
                twin.bulkTaskQueueRealtimeStatistics(workspace, TwinQueueSids(body: String(buffer: body)), baseURL: base(request)))
        }

        router.get("/routesim/v1/Clock") { _, _ in
            await TwinResponse.json(twin.clockDocument())
        }
        router.post("/routesim/v1/Clock") { request, context in
            try await TwinResponse.json(twin.moveClock(form(request, context)))
        }
        router.post("/routesim/v1/Snapshot") { _, _ in
            try await TwinResponse.json(twin.snapshot())
        }
        router.get("/routesim/v1/Callbacks") { _, _ in
            guard case .object(var fields) = twin.callbacks.document() else { return TwinResponse.json(.null) }
            fields["assignments"] = twin.assignments.document()
            return TwinResponse.json(.object(fields))
        }
        return router
    }

    /// The parameters of a request's form body.
    static func form(_ request: Request, _ context: some RequestContext) async throws -> TwinParameters {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        return try TwinParameters(encoded: Substring(String(buffer: body)))
    }

    /// The parameters of a request's query string.
    static func query(_ request: Request) throws -> TwinParameters {
        try TwinParameters(encoded: Substring(request.uri.query ?? ""))
    }
}
