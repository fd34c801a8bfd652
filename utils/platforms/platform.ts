/**
 * Everything the code knows about one watched social site, in one file per site
 * (utils/platforms/<id>.ts). Payment routes and controls are detection rules (public/data/rules.json),
 * which stay data; what lives here is what decides where Ledgerlight may run and what it must not
 * read as evidence, so an imported list can never widen it.
 */
export interface Platform {
  /** Entity id in public/data/entities.json. */
  id: string;
  name: string;
  /** Entity id of the company that owns the platform, when arrangements are made at that level. */
  owner?: string;
  /** Exact hosts the platform serves its web app from: they become host permissions and content-script matches. */
  hosts: string[];
  /**
   * Selectors of the places where people write on this site (posts, comments, messages, bios,
   * names they chose). A control or link inside one is a person's words, never evidence.
   */
  userContent: string[];
  /**
   * The address a link really leads to when the site wraps outbound links in its own redirect;
   * undefined when the link is not such a redirect.
   */
  unwrapRedirect?(href: string): string | undefined;
}
