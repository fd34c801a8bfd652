import type { Platform } from './platform';

export const youtube: Platform = {
  id: 'youtube',
  name: 'YouTube',
  owner: 'google',
  hosts: ['www.youtube.com', 'm.youtube.com', 'studio.youtube.com', 'music.youtube.com'],
  // Titles, descriptions, comments and channel names are all written by uploaders.
  userContent: ['#content-text', '#video-title', '#video-title-link', 'yt-attributed-string#description', 'ytd-channel-name', '#author-text'],
};
