/**
 * botbuilder's CloudAdapter builds a new ConnectorClient and UserTokenClient, each with
 * a full HTTP pipeline, for every incoming activity. Both hold no per-turn state: a
 * client depends only on the bot's app id (its credentials; tokens are cached by
 * botbuilder per app id and scope), the service URL and the audience. So they are
 * kept by exactly those, in small bounded maps, and reused across turns.
 */
import { TeamsAdapter } from "@microsoft/teams-ai";
import type { Activity, InvokeResponse, TurnContext } from "botbuilder";
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from "botframework-connector";

/**
 * Far more than the service URLs one bot meets (one per Teams region), and a bound on
 * what requests with made-up service URLs (local mode) can make Hvem keep.
 */
export const MAX_REUSED_CLIENTS = 32;

/** TeamsAdapter, with clients reused across turns. */
export class ReusingTeamsAdapter extends TeamsAdapter {
  // Not readonly here, so the authentication TeamsAdapter builds can be wrapped.
  protected declare botFrameworkAuthentication: BotFrameworkAuthentication;

  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    this.botFrameworkAuthentication = new ReusingAuthentication(this.botFrameworkAuthentication);
  }

  /** Checks the request's token alone, so a bad token can be told from a failed turn. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs the turn of an authenticated activity; an invoke's response is returned. */
  run(
    authenticated: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}

/** Delegates to botbuilder's authentication; only the clients it creates are kept. */
export class ReusingAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new BoundedCache<ConnectorClient>(MAX_REUSED_CLIENTS);
  private readonly userTokenClients = new BoundedCache<UserTokenClient>(MAX_REUSED_CLIENTS);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: this.reusing(factory, result.claimsIdentity) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  /** botbuilder makes a factory per request, for the app id in its claims. */
  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    return {
      create: (serviceUrl, audience) =>
        this.connectors.get(JSON.stringify([appId, serviceUrl, audience]), () => factory.create(serviceUrl, audience)),
    };
  }
}

/** The app id botbuilder creates clients for: the token's audience, or the emulator's app id; none in local mode. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ""
  );
}

/** Clients being created or made, by key; when full the least recently used goes, and a failed one at once. */
class BoundedCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly max: number) {}

  get(key: string, create: () => Promise<T>): Promise<T> {
    const known = this.entries.get(key);
    if (known) {
      // Used last goes last, so the busiest client is the last to go.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const created = create();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, created);
    created.catch(() => {
      if (this.entries.get(key) === created) this.entries.delete(key);
    });
    return created;
  }
}
