import type { Platform } from './platform';

export const x: Platform = {
  id: 'x',
  name: 'X',
  hosts: ['x.com', 'mobile.x.com', 'twitter.com', 'mobile.twitter.com', 'pro.x.com'],
  userContent: [
    '[data-testid="tweetText"]',
    '[data-testid="UserDescription"]',
    '[data-testid="UserUrl"]',
    '[data-testid="UserName"]',
    '[data-testid="User-Name"]',
    // A link card is the preview of a URL someone put in a post.
    '[data-testid="card.wrapper"]',
  ],
};
