/** What the shell passes to every remote's `./App`: the remote keeps its routes below `basePath`. */
export interface RemoteAppProps {
  basePath: string;
}
