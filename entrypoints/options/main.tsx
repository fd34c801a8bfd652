import { render } from 'preact';
import { transport } from '@/utils/transport';
import { Options } from '@/components/Options';
import '@/components/theme.css';

render(<Options transport={transport} />, document.getElementById('app')!);
