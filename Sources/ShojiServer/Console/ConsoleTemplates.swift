/// The console's and the public pages' Mustache templates. Every value is inserted with `{{…}}`, which escapes
/// it for HTML; no template uses triple mustaches, so nothing a person typed can become markup. Charts are
/// separate SVG images served by Shoji itself.
enum ConsoleTemplates {
    static let all: [String: String] = [
        "layout": layout, "error": error, "login": login, "overview": overview, "deployment": deployment,
        "watchlist": watchlist, "alerts": alerts, "requests": requests, "audit": audit, "requestForm": requestForm,
        "ticket": ticket, "incidents": incidents, "incident": incident,
    ]

    static let layout = """
        <!DOCTYPE html>
        <html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} — Shoji</title><link rel="stylesheet" href="/assets/console.css"></head>
        <body><header><a class="brand" href="{{#user}}/console{{/user}}{{^user}}/{{/user}}">Shoji</a>
        {{#user}}<nav><a href="/console">{{t.overview}}</a><a href="/console/watchlist">{{t.watchlist}}</a><a href="/console/alerts">{{t.alerts}}</a><a href="/console/requests">{{t.requests}}</a><a href="/console/incidents">{{t.incidents}}</a><a href="/console/audit">{{t.audit}}</a></nav>
        <span class="who">{{name}} ({{role}}, {{tenant}})</span>
        <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.logout}}</button></form>{{/user}}
        <a class="lang" href="?lang={{otherLang}}">{{otherLangName}}</a></header>
        <main>{{$main}}{{/main}}</main></body></html>
        """

    static let error = """
        {{<layout}}{{$main}}<h1>{{status}}</h1><p class="problem">{{message}}</p><p><a href="/console">{{t.back}}</a></p>{{/main}}{{/layout}}
        """

    static let login = """
        {{<layout}}{{$main}}<h1>{{t.login}}</h1>{{#problem}}<p class="problem">{{problem}}</p>{{/problem}}
        <form method="post" action="/login" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="next" value="{{next}}">
        <label>{{t.tenant}} <input name="tenant" value="{{defaultTenant}}" required maxlength="64"></label>
        <label>{{t.user}} <input name="name" required maxlength="64" autocomplete="username"></label>
        <label>{{t.secret}} <input name="secret" type="password" required maxlength="200" autocomplete="current-password"></label>
        <button type="submit">{{t.login}}</button></form>{{/main}}{{/layout}}
        """

    static let overview = """
        {{<layout}}{{$main}}<h1>{{t.overview}}</h1>
        {{^deployments}}<p>{{t.noDeployments}}</p>{{/deployments}}
        {{#deployments}}<section class="site"><h2><a href="/console/deployments/{{id}}">{{id}}</a> <small>{{entity}}</small></h2>
        <p>{{t.cameras}}: {{#cameras}}<span class="tag">{{id}}: {{useCases}}</span> {{/cameras}}</p>
        <p>{{t.findings}}: {{unmet}} {{t.unmet}}, {{missing}} {{t.missing}}, {{recommendations}} {{t.recommendations}} · <a href="/notice/{{id}}">{{t.notice}}</a></p>
        {{#canSeeStatistics}}<div class="charts">{{#charts}}<img src="/console/deployments/{{id}}/charts/{{chart}}.svg" alt="{{alt}}" width="640" height="300">{{/charts}}</div>{{/canSeeStatistics}}
        {{#canSeeStatistics}}<div class="charts">{{#iconMaps}}<img src="/console/deployments/{{id}}/congestion/{{camera}}.svg" alt="{{t.congestion}} {{camera}}" width="640">{{/iconMaps}}</div>{{/canSeeStatistics}}
        {{#hasCongestion}}<h3>{{t.congestion}}</h3><ul class="icons">{{#congestion}}<li class="level-{{level}}">{{area}}: {{levelName}} ({{people}} · {{time}})</li>{{/congestion}}</ul>{{/hasCongestion}}
        </section>{{/deployments}}
        {{#hasCameras}}<h2>{{t.cameraStatus}}</h2><table><tr><th>{{t.deployment}}</th><th>{{t.camera}}</th><th>{{t.state}}</th><th>{{t.frames}}</th><th>{{t.dropped}}</th></tr>
        {{#cameraStatus}}<tr><td>{{deploymentID}}</td><td>{{cameraID}}</td><td>{{state}}</td><td>{{framesProcessed}}</td><td>{{framesDropped}}</td></tr>{{/cameraStatus}}</table>{{/hasCameras}}
        {{/main}}{{/layout}}
        """

    static let deployment = """
        {{<layout}}{{$main}}<h1>{{id}}</h1><p>{{entity}} · {{t.approved}} {{approvedAt}} · SHA-256 <code>{{sha}}</code></p>
        <p><a href="/notice/{{id}}">{{t.notice}}</a> · <a href="/notice/{{id}}/sign.svg">{{t.sign}}</a> · <a href="/requests/new?deployment={{id}}">{{t.requestForm}}</a></p>
        <img class="sign" src="/notice/{{id}}/sign.svg" alt="{{t.sign}}" width="420">
        <h2>{{t.findings}}</h2><table><tr><th>{{t.rule}}</th><th>{{t.status}}</th><th>{{t.title}}</th><th>{{t.reason}}</th></tr>
        {{#findings}}<tr class="{{statusKey}}"><td>{{ruleId}}</td><td>{{status}}</td><td>{{title}}</td><td>{{reason}}</td></tr>{{/findings}}</table>
        {{/main}}{{/layout}}
        """

    static let watchlist = """
        {{<layout}}{{$main}}<h1>{{t.watchlist}}</h1>{{^sections}}<p>{{t.noWatchlist}}</p>{{/sections}}
        {{#sections}}<h2>{{deployment}}</h2>{{#problem}}<p class="problem">{{problem}}</p>{{/problem}}
        <table><tr><th>{{t.entry}}</th><th>{{t.category}}</th><th>{{t.evidence}}</th><th>{{t.registeredBy}}</th><th>{{t.status}}</th><th></th></tr>
        {{#entries}}<tr><td><code>{{id}}</code></td><td>{{category}}</td><td>{{evidence}} ({{evidenceDate}})</td><td>{{registeredBy}} · {{registeredAt}}</td><td>{{status}}</td>
        <td>{{#pending}}<form method="post" action="/console/watchlist/{{deployment}}/{{id}}/approve" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.approve}}</button></form>{{/pending}}</td></tr>{{/entries}}</table>{{/sections}}
        {{/main}}{{/layout}}
        """

    static let alerts = """
        {{<layout}}{{$main}}<h1>{{t.alerts}}</h1>{{^alerts}}<p>{{t.noAlerts}}</p>{{/alerts}}
        {{#hasAlerts}}<table><tr><th>{{t.time}}</th><th>{{t.deployment}}</th><th>{{t.camera}}</th><th>{{t.entry}}</th><th>{{t.distance}}</th><th></th></tr>
        {{#alerts}}<tr><td>{{time}}</td><td>{{deployment}}</td><td>{{camera}}</td><td><code>{{entry}}</code></td><td>{{distance}}</td>
        <td><form method="post" action="/console/alerts/{{id}}/review" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button name="decision" value="confirm">{{t.confirm}}</button> <button name="decision" value="dismiss">{{t.dismiss}}</button></form></td></tr>{{/alerts}}</table>{{/hasAlerts}}
        {{/main}}{{/layout}}
        """

    static let requests = """
        {{<layout}}{{$main}}<h1>{{t.requests}}</h1>{{^requests}}<p>{{t.noRequests}}</p>{{/requests}}
        {{#hasRequests}}<table><tr><th>{{t.ticket}}</th><th>{{t.kind}}</th><th>{{t.received}}</th><th>{{t.deadline}}</th><th>{{t.contact}}</th><th>{{t.lookup}}</th><th>{{t.status}}</th><th></th></tr>
        {{#requests}}<tr class="{{#overdue}}overdue{{/overdue}}"><td>{{ticket}}</td><td>{{kind}}</td><td>{{received}}</td><td>{{deadline}}</td><td>{{contact}}</td><td>{{lookup}}</td><td>{{status}}</td>
        <td>{{#open}}<form method="post" action="/console/requests/{{id}}/answer" class="inline answer"><input type="hidden" name="_csrf" value="{{csrf}}"><input name="note" maxlength="500" placeholder="{{t.answerNote}}">
        <button name="action" value="disclose">{{t.disclose}}</button>{{#canStop}} <button name="action" value="stop">{{t.stopUse}}</button>{{/canStop}} <button name="action" value="erase">{{t.erase}}</button></form>
        <form method="post" action="/console/requests/{{id}}/deny" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input name="reason" required maxlength="500" placeholder="{{t.answer}}"><button type="submit">{{t.sendAnswer}}</button></form>{{/open}}{{^open}}{{note}}{{/open}}</td></tr>{{/requests}}</table>{{/hasRequests}}
        {{/main}}{{/layout}}
        """

    static let incidents = """
        {{<layout}}{{$main}}<h1>{{t.incidents}}</h1>{{^incidents}}<p>{{t.noIncidents}}</p>{{/incidents}}
        {{#hasIncidents}}<table><tr><th>ID</th><th>{{t.awareOn}}</th><th>{{t.summary}}</th><th>{{t.verdict}}</th><th>{{t.nextDeadline}}</th></tr>
        {{#incidents}}<tr class="{{#overdue}}overdue{{/overdue}}"><td><a href="/console/incidents/{{path}}">{{id}}</a></td><td>{{aware}}</td><td>{{summary}}</td><td>{{verdict}}</td><td>{{next}}</td></tr>{{/incidents}}</table>{{/hasIncidents}}
        {{#canRecord}}<h2>{{t.incidentRecord}}</h2>{{#problem}}<p class="problem">{{problem}}</p>{{/problem}}
        <form method="post" action="/console/incidents" class="stack"><input type="hidden" name="_csrf" value="{{csrf}}">
        <textarea name="document" rows="16" cols="90" required maxlength="60000">{{draft}}</textarea><button type="submit">{{t.record}}</button></form>{{/canRecord}}
        {{/main}}{{/layout}}
        """

    static let incident = """
        {{<layout}}{{$main}}<h1>{{t.incidents}}: {{id}}</h1><p><strong>{{t.verdict}}: {{verdict}}</strong></p><p>{{reason}}</p>
        {{#hasDeadlines}}<table><tr><th>{{t.title}}</th><th>{{t.targetDay}}</th><th>{{t.due}}</th><th>{{t.doneOn}}</th></tr>
        {{#deadlines}}<tr class="{{#late}}overdue{{/late}}"><td>{{what}}</td><td>{{target}}</td><td>{{due}}</td><td>{{done}}</td></tr>{{/deadlines}}</table>{{/hasDeadlines}}
        <h2>{{t.draftReport}}</h2><pre class="report">{{report}}</pre>
        <h2>{{t.incidentFile}}</h2><p>{{t.recordedBy}}: {{recordedBy}}, {{recordedAt}}</p><pre>{{document}}</pre>
        <p><a href="/console/incidents">{{t.back}}</a></p>{{/main}}{{/layout}}
        """

    static let audit = """
        {{<layout}}{{$main}}<h1>{{t.audit}}</h1><p class="{{#intact}}ok{{/intact}}{{^intact}}problem{{/intact}}">{{verification}}</p>
        <table><tr><th>#</th><th>{{t.time}}</th><th>{{t.actor}}</th><th>{{t.action}}</th><th>{{t.target}}</th><th>{{t.detail}}</th></tr>
        {{#entries}}<tr><td>{{sequence}}</td><td>{{time}}</td><td>{{actor}}</td><td>{{action}}</td><td>{{target}}</td><td>{{detail}}</td></tr>{{/entries}}</table>
        {{/main}}{{/layout}}
        """

    static let requestForm = """
        {{<layout}}{{$main}}<h1>{{t.requestForm}}</h1><p>{{t.requestIntro}}</p>{{#problem}}<p class="problem">{{problem}}</p>{{/problem}}
        <form method="post" action="/requests" class="stack" enctype="multipart/form-data"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label>{{t.deployment}} <select name="deployment">{{#deployments}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/deployments}}</select></label>
        <fieldset><legend>{{t.kind}}</legend>
        <label><input type="radio" name="kind" value="disclosure" checked> {{t.kindDisclosure}}</label>
        <label><input type="radio" name="kind" value="stop"> {{t.kindStop}}</label>
        <label><input type="radio" name="kind" value="erasure"> {{t.kindErasure}}</label></fieldset>
        <label>{{t.contact}} <input name="contact" required maxlength="300"></label>
        <label>{{t.method}} <select name="method"><option value="electronic">{{t.electronic}}</option><option value="paper">{{t.paper}}</option></select></label>
        <label>{{t.photo}} <input type="file" name="photo" accept="image/jpeg,image/png"></label>
        <button type="submit">{{t.send}}</button></form>{{/main}}{{/layout}}
        """

    static let ticket = """
        {{<layout}}{{$main}}<h1>{{t.ticket}} {{ticket}}</h1>{{#filed}}<p class="ok">{{t.filed}}</p>{{/filed}}{{#photoCompared}}<p>{{t.photoCompared}}</p>{{/photoCompared}}{{#photoUnused}}<p>{{t.photoUnused}}</p>{{/photoUnused}}
        <dl><dt>{{t.kind}}</dt><dd>{{kind}}</dd><dt>{{t.received}}</dt><dd>{{received}}</dd><dt>{{t.status}}</dt><dd>{{status}}</dd>{{#closed}}<dt>{{t.closed}}</dt><dd>{{closed}}</dd>{{/closed}}</dl>
        <p>{{t.ticketKeep}}</p>{{/main}}{{/layout}}
        """
}
